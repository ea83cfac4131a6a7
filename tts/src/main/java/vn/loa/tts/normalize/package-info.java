/** The Vietnamese text normaliser: legacy encodings, numbers, dates, times, money, units, phones, abbreviations, sentences. */
package vn.loa.tts.normalize;
