/**
 * French elision before a name that a host or a person chose (an organization, a product, a
 * first name): « qu’Atelier », « d’Anne », but « de Jean ». Message catalogs and mail templates
 * call these instead of writing « que {name} », which reads wrong before a vowel.
 */

// A vowel, accented or not, and the mute h of given names such as Hugo, Hélène or Henri would be
// a guess (h aspiré exists): only vowels elide.
const STARTS_WITH_VOWEL = /^[aeiouyàâäéèêëîïôöùûüÿæœ]/i

/** Whether French elides « de », « que », « le »… before this word. */
export const frenchElides = (word: string): boolean => STARTS_WITH_VOWEL.test(word.trim())

/** « de Jean », « d’Anne » (typographic apostrophe). */
export const frenchDe = (name: string): string => (frenchElides(name) ? `d’${name}` : `de ${name}`)

/** « que Jean », « qu’Atelier ». */
export const frenchQue = (name: string): string => (frenchElides(name) ? `qu’${name}` : `que ${name}`)
