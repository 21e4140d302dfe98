"""Text helpers shared by several stages: trie regexes and the compiled-regex store."""
