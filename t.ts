import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
const nlp = winkNLP(model);
const its = nlp.its;
nlp.learnCustomEntities([
  {name:'russia', patterns:['moscow','kremlin','russian federation','russia', 'russian']},
  {name:'nato', patterns:['nato','i ’ll take', "i 'll take", 'atlantic organization']},
  {name:'china', patterns:['sino','beijing']},
]);
for (const t of ["Sino-Russian relations with the Russian Federation, China-Russia and Japan-led. The I’LL TAKE will open. russianjapanese relations; Japan’s NATO's JASDF’s", "Jens Stoltenbergand the U.S. and US, 2+2 talks, Su-30MKI, F-15s, 4,888, 9th, 2 percent of GDP starting 2027, eighty-nine, April 1941, can't won't isn't"]) {
const doc = nlp.readDoc(t);
console.log(doc.tokens().out(its.value).join('|'));
console.log(doc.tokens().out(its.normal).join('|'));
console.log(doc.tokens().out(its.lemma).join('|'));
console.log(doc.tokens().out(its.stem).join('|'));
console.log(doc.tokens().out(its.type).join('|'));
console.log(doc.tokens().out(its.negationFlag).join('|'));
console.log(doc.tokens().out(its.precedingSpaces).map(s=>JSON.stringify(s)).join('|'));
console.log(JSON.stringify(doc.customEntities().out(its.detail)), JSON.stringify(doc.entities().out(its.detail)));
}
