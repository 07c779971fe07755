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
yaml-wrong-type = Line { $line }: `{ $key }` takes { $takes }
    .help = write { $takes } after `{ $key }:` (the YAML reader says: { $parser })
yaml-takes-number = a number
yaml-takes-text = text
yaml-takes-list = a list (`- item` lines)
yaml-takes-yes-no = `true` or `false`
yaml-takes-other = another kind of value
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

## content: finding, decoding and splitting the content files.
content-no-folder = the site has no content/ folder
    .help = create content/measures/ and put one .md file per measure in it (`prongsai new measure "ชื่อมาตรการ"`)
content-link-loop = this folder links back to one of its parents (a symlink loop)
content-unreadable = cannot read: { $why }
    .help = remove the link or fix its permissions
content-not-a-file = not a regular file (a pipe, socket or device)
    .help = content/ holds ordinary .md files: remove this entry
content-name-not-utf8 = the file name is not UTF-8 text
    .help = rename the file (names unpacked from an old Thai Windows zip often look like this)
# `why` is one of the content-name-* texts below.
content-bad-name = the file { $why }
    .help = rename the file: type its name again with ordinary letters, digits and `-`
# What follows "the file" or "attachment `files/x.pdf`".
content-name-reserved = has the name `{ $name }`, which Windows keeps for a device; the file cannot be copied or opened there
content-name-trailing-dot = ends with a dot or a space, which Windows and web hosts drop or read differently
content-name-hidden-char = holds the control, invisible or direction-changing character U+{ $code } in its name
content-link-outside = a link to a place outside content/: not followed
    .help = copy the files into content/ instead of linking to them
content-refused-missing = cannot read the file: { $why }
    .help = check the name (names are case-sensitive) and that the file can be opened
content-refused-not-a-file = not a regular file (a pipe, socket or device)
    .help = replace it with an ordinary file (a pipe or device is never read)
content-refused-outside = a link to a place outside the site's folder: not read
    .help = copy the file into the site's folder instead of linking to it
content-refused-too-big = the file is { $size }
    .help = make the file smaller or split it
content-too-big = the file is { $size }; content files may be at most { $max }
    .help = split the text into several pages, or put the document in content/files/ and link it under `attachments:`
content-front-matter-too-big = the front matter is { $size }; it may be at most { $max } KB
    .help = front matter holds short fields (title, status, ...): move long text below the closing `---`, into the Markdown body
content-save-as-utf8 = open the file in Notepad, choose File > Save As, set Encoding to UTF-8, and save it again
content-utf16 = the file is saved as UTF-16 (Unicode); prongsai reads UTF-8
content-binary = the file is { $what } with a .md name, not Markdown text
    .help = put documents and images in content/files/ and list them under `attachments:`; content .md files are text
content-binary-pdf = a PDF document
content-binary-png = a PNG image
content-binary-jpeg = a JPEG image
content-binary-gif = a GIF image
content-binary-zip = a ZIP archive (a Word .docx or Excel .xlsx file?)
content-binary-office = an old Word or Excel file (.doc, .xls)
content-binary-program = a program
content-windows-874 = the file is not UTF-8; it looks like Thai saved as Windows-874 (TIS-620)
content-broken-byte = the file is UTF-8 but has a broken byte (0x{ $byte }) here
    .help = retype the text at this spot: a character was cut in half, often by copying from a PDF
content-not-utf8 = the file is not UTF-8 text (byte 0x{ $byte })
content-nul = the file holds NUL bytes: it is a binary file, not Markdown text
    .help = keep only text files with the .md ending in content/; put PDFs and images in content/files/
content-empty = the file is empty
    .help = a measure starts with front matter between two `---` lines; `prongsai new measure "ชื่อ"` writes a complete one
content-toml = TOML front matter (`+++`) is not supported
    .help = write the front matter as YAML between two `---` lines
content-no-opening-fence = the file does not start with a `---` front-matter fence
    .help = start the file with a line `---`, the front matter (title: ...), and another line `---`. Did you forget to add `---`?
    .text-above = the first line must be `---` exactly: move any text above it below the front matter
content-never-closed = the front matter opened here is never closed
    .help = add a line `---` after the last front-matter line, before the Markdown text. Did you forget to add `---`?
content-second-block = a second front-matter block follows the first
    .help = keep one block: merge the two and delete the extra `---` lines

## portable: names Windows and case-blind web hosts cannot hold.
portable-reserved = Windows keeps the name `{ $name }` for a device: a file or folder so named cannot be copied to Windows or to a Windows web host
    .help = rename it, e.g. `{ $name }-1`
portable-trailing-dot = the name ends in a dot or a space, which Windows drops: the copy on Windows gets another name and its links break
    .help = rename it without the dot or space at the end
portable-forbidden = the name holds `{ $char }`, which Windows does not allow in file names
    .help = rename it using letters, digits, `-` and `_` (Thai letters are fine)
portable-too-long = the path is { $length } characters long; Windows cannot hold paths this long once the site folder is added (the limit here is { $max })
    .help = shorten the file name or the folders it is in
portable-case-twin = this name differs from `{ $other }` only in upper and lower case: on Windows and on many web hosts one overwrites the other
    .help = rename one of the two, or remove the one that is not needed

## markdown: the body of a content file.
markdown-too-deep = the text nests lists or quotes more than { $max } levels deep
    .help = browsers cannot show this much nesting: flatten the lists or quotes
markdown-more-warnings = { $count ->
        [one] 1 more place
       *[other] { $count } more places
    } with raw HTML or unsafe links { $count ->
        [one] is
       *[other] are
    } not listed
markdown-raw-html = raw HTML is shown as text, not run
    .help = write it as Markdown, or set `allow_html: true` in site.yaml if this HTML is trusted
markdown-heading-attributes = heading attributes other than {"{"}#id .class{"}"} are dropped
    .help = keep `{"{"}#id{"}"}` or `{"{"}.class{"}"}`; set `allow_html: true` in site.yaml if this markup is trusted
markdown-bad-link = this link's address is not allowed
    .help = links may use http:, https:, mailto:, tel: or a path
markdown-bad-image = this image's address is not allowed
    .help = images may use http:, https: or a path

## thai: dates as the clerk writes them.
date-empty = the date is empty
date-form = `{ $text }` is not a date; write `2023-03-10`, `๑๐ มี.ค. ๖๖`, `10 มีนาคม 2566` or `10/3/2566`
date-month = `{ $text }` is not a month; use a Thai month (มี.ค. or มีนาคม) or a number 1-12
date-day = { $month } has no day { $day } (it has { $days } days)
date-year = year { $year } is out of range; write the Buddhist Era year ({ $first }-{ $last }, e.g. 2566 or ๖๖) or an ISO date
date-backwards = the period ends before it starts
