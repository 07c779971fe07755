# content: reading the files (content, yaml, portable, markdown, thai dates).

## yaml: the kinds of YAML file, as messages name them.
yaml-kind-site = site.yaml
yaml-kind-front-matter = the front matter
yaml-kind-disclosures = content/disclosures.yaml
yaml-kind-criteria = the criteria file

## yaml: what the YAML reader finds, each on its line, in plain words.
yaml-tab = Line { $line } starts with a tab
    .help = delete the tab and indent with spaces (the Space key) instead: YAML does not take tabs for indentation
yaml-missing-colon = Line { $line }: no `:` after the key `{ $key }`
    .help = write it as `{ $fixed }`
yaml-thai-colon = Line { $line }: no `:` after the key `{ $key }` (`ซ` was typed instead)
    .help = `ซ` is the `:` key on a Thai keyboard: switch the keyboard to English and write `{ $fixed }`
yaml-curly-quotes = Line { $line }: the text is in curly quotes `“…”` (from Word)
    .help = use straight quotes `"…"` or none: inside curly quotes a `:` starts a new key
yaml-indented-key = Line { $line }: `{ $key }` is indented, so it reads as part of the line above
    .help = start `{ $key }` at the beginning of the line, like the other keys
yaml-colon-in-value = Line { $line }: the value of `{ $key }` holds `: `
    .help = text holding `: ` must be in double quotes: `{ $fixed }`
yaml-cannot-start = Line { $line }: a value cannot start with { $char } unless it is in double quotes
    .help = put the text in double quotes: `"…"`
    .quote = put the text in double quotes: `{ $fixed }`
yaml-never-closed = Line { $line }: the `{ $open }` opened here is never closed
    .help = add the closing `{ $close }` at the end of the value
yaml-out-of-line = Line { $line } is not lined up with the lines above
    .help = keys start at the beginning of the line; the `- ` items of a list sit under their key, indented with spaces
yaml-after-quote = Line { $line }: text follows the closing `{ $quote }`
    .help = put all of the text inside the quotes, or remove the quotes
yaml-never-opened = Line { $line }: a `{ $close }` closes a bracket that was never opened
    .help = delete the extra `{ $close }`
yaml-two-documents = Line { $line }: a `---` line splits the file in two
    .help = delete the `---` line: the file is one block of `key: value` lines
yaml-bad-escape = Line { $line }: `{ $escape }` inside double quotes is not a character YAML knows
    .help = write `\\` for a backslash, or put the text in single quotes `'…'`
yaml-duplicate-key = Line { $line }: the key `{ $key }` is written a second time
    .help = each key may appear once: delete or merge the repeated one
yaml-control-character = Line { $line } holds an invisible control character (U+{ $code }, written as an escape)
    .help = delete the escape (the `\` and the letters after it) and retype the text
yaml-tag = Line { $line }: a value cannot start with `!` (a YAML tag)
    .help = remove the `!…` and write the plain value; text that must start with `!` goes in double quotes
yaml-too-deep = Line { $line }: brackets nest more than { $max } deep
    .help = write lists as `- item` lines; a run of `[` or `{"{"}` this long is a mistake
yaml-too-many-values = Line { $line }: the anchors (`&`) and aliases (`*`) here repeat values more than { $max } times
    .help = write the values out plainly, without `&` and `*`
yaml-wrong-type = Line { $line }: `{ $key }` holds the wrong kind of value
    .help = check what `{ $key }` takes in the example site (the YAML reader says: { $parser })
yaml-unknown-key = unknown key `{ $key }`
    .help = the keys are: { $keys }
    .did-you-mean = did you mean `{ $key }`?
yaml-missing-key = the key `{ $key }` is missing
    .help = add a line `{ $key }: …`
yaml-unreadable = Line { $line }: { $what } cannot be read from here on
    .help = check the indentation (spaces only) and put text holding `:` or `#` in double quotes (the YAML reader says: { $parser })

## yaml: characters that look like YAML's own but are not (pasted from Word or LINE).
yaml-lookalike = Line { $line } holds { $what } (U+{ $code })
yaml-lookalike-nbsp = a non-breaking space
    .help = replace it with an ordinary space (it was probably pasted from Word or LINE)
yaml-lookalike-wide-space = a wide space
yaml-lookalike-invisible = an invisible zero-width character
    .help = retype the text around it by hand
yaml-lookalike-fullwidth-colon = a full-width colon `：`
    .help = write the ordinary colon `:` (switch the keyboard to English)
yaml-lookalike-fullwidth-hash = a full-width `＃`
    .help = write the ordinary `#`
yaml-lookalike-curly = a curly quote

## yaml: debris of pasted text that YAML reads without complaint.
yaml-debris-bullet = a Word bullet `{ $bullet }` would be published as part of the text
    .help = delete it: a list item needs only the `- ` in front
yaml-debris-stray = a stray character (U+{ $code }) came with pasted text
    .help = delete it and retype the text there
yaml-debris-curly = the whole value is wrapped in curly quotes `{ $quotes }`, which would be published as part of the text
    .help = delete both quotes, or use straight double quotes `"…"`
