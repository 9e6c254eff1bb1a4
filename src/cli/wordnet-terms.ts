// Writes src/core/wordnet-terms.txt: the term of every WordNet word under the current
// term pipeline, so that index builds need not stem them again. Run after changing
// stemming or spelling rules: npm run wordnet-terms (a test fails until you do).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { emptyGlossary } from '../core/glossary.js';
import { createNlp } from '../core/nlp.js';
import { WORDNET_TERMS_FILE, wordnetTermsText } from '../core/synonyms.js';
import { wordTerm } from '../core/terms.js';

const nlp = createNlp(emptyGlossary);
const text = wordnetTermsText((w) => wordTerm(w, nlp));
writeFileSync(WORDNET_TERMS_FILE, text);
console.log(`wrote ${fileURLToPath(WORDNET_TERMS_FILE)}: ${text.split('\n').length - 1} words, ${(text.length / 1024).toFixed(0)} KB`);
