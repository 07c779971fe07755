# measure
# `measure`, `config`: front matter and site.yaml.

## Front matter as a whole

measure-not-a-mapping = the front matter is not a list of `key: value` lines
    .help = write one `key: value` per line, e.g. `title: ชื่อมาตรการ`
measure-empty-address = the file name gives an empty web address
    .help = rename the file with letters or digits, e.g. measure-1.md or การใช้ทรัพย์สิน.md
measure-unknown-key = unknown key `{ $key }`
    .keys = the keys are: { $keys }
    .lookalike = the key holds { $what }: { $fix }; { $help }
measure-more-unknown-keys = { $count } more unknown keys are not listed

## One key

# A required key not written at all; its help says what to add.
measure-missing = `{ $key }` is missing
    .title = add `title: ชื่อมาตรการ`
    .page-title = add `title: ชื่อหน้า`
    .assessment = add `assessment: IIT` (or EIT or OIT)
    .indicator = add `indicator: N`, the ITA indicator 1-10 this measure answers
    .status = add `status: done` (or not_done, in_progress)
# A key written with nothing after it.
measure-not-filled-in = `{ $key }` is not filled in
    .required = write its value after `{ $key }:` on this line (it is required)
    .optional = write its value after `{ $key }:`, or delete the line if there is none
measure-wrong-kind = `{ $key }`: wrong kind of value
    .help = `{ $key }` takes { $kind }
measure-kind-text = text
measure-kind-number = a number
measure-kind-list = a list of text (`- item` lines)
measure-kind-other = another kind of value
measure-out-of-range = `{ $key }` { $value } is out of range
measure-bad-value = `{ $key }`: { $error }
measure-not-a-number = `{ $value }` is not a number
measure-too-large = `{ $value }` is far too large
measure-not-whole = `{ $value }` is not a whole number

## The keys of a measure

measure-fiscal-year-help = write a Buddhist Era year such as 2566
measure-unknown-assessment = unknown assessment `{ $value }`
    .help = write IIT, EIT or OIT
measure-indicator-range-help = ITA indicators are numbered 1 to 10
measure-indicator-elsewhere = indicator { $indicator } belongs to { $owner }, not to { $assessment }
    .help = { $assessment } has indicators { $first } to { $last }: fix the indicator or the assessment
measure-score-help = a score is a number from 0 to 100, e.g. 95.60
measure-target-help = the pass mark is a number from 0 to 100
measure-unit-no-address = the unit `{ $unit }` has no letter or digit to make its web address from
    .help = write the unit's name, e.g. กองคลัง
measure-menu = `menu` takes `true` or a short label
    .help = write `menu: true`, or a short label such as `menu: ติดต่อเรา`
measure-unknown-status = unknown status `{ $value }`
    .help = write done (ดำเนินการแล้ว), not_done (ยังไม่ดำเนินการ) or in_progress (อยู่ระหว่างดำเนินการ)
measure-bad-date = `date`: { $error }
# Also the help of a bad date in disclosures.yaml.
measure-date-help = write an ISO date (2023-03-10) or a Thai one (๑๐ มี.ค. ๖๖)
measure-attachment = attachment `{ $path }` { $why }

## Why a file cannot be published as it is (the end of a sentence that starts with its name)

measure-file-outside = points outside content/
    .help = write a path inside content/, e.g. files/report-2566.pdf
measure-file-bad-name-help = rename the file (and the line that names it)
measure-file-server-program = is a program a web host would run (PHP, CGI, ASP)
    .help = attach a PDF or an image (PNG, JPEG) instead; a script has no place on the site
measure-file-script = is a kind of file that can run script in the browser
    .help = attach a PDF or an image (PNG, JPEG) instead, or set `allow_html: true` in site.yaml if the file is trusted
measure-file-link-outside = is a link to a file outside content/
    .help = copy the file into content/files/ instead of linking to it
measure-file-too-big = is { $size } MB; attachments may be at most { $max } MB
    .help = compress the scan (a PDF at 150 dpi is plenty), split it, or link to it on another server
measure-file-not-regular = is not a regular file (a pipe, socket, device or folder)
    .help = name an ordinary file under content/
measure-file-missing = does not exist
    .help = put the file at content/{ $path }, or fix the name (names are case-sensitive)

## site.yaml

config-unreadable = cannot read site.yaml: { $error }
    .help = run prongsai in the site's folder (the one holding site.yaml), pass --root DIR, or create one with `prongsai init DIR`
config-no-name = site.yaml has no `name`
    .help = add the organisation's full Thai name, e.g. `name: องค์การบริหารส่วนตำบลสวนหม่อน`
config-fiscal-year = fiscal_year { $year } is not a Buddhist Era year
    .help = write the fiscal year the site reports on in Buddhist Era, e.g. `fiscal_year: 2566`
config-language = language `{ $language }` is not supported
    .help = write `language: th`
config-contact-url = contact { $key } `{ $url }` is not a web address
    .help = write an address starting with https://, e.g. https://www.example.go.th/
config-base-url = base_url `{ $url }` { $why }
    .help = write the site's address as the browser shows it, e.g. `base_url: https://www.example.go.th/ita/`, or a path such as `/ita/`
config-base-url-space = holds a space or a line break
config-base-url-quote = holds a quote, `<`, `>` or a backslash
config-base-url-form = is not an http(s) address nor a path starting with /
config-password = a password must not be written in site.yaml
    .help = remove the password from site.yaml; set the PRONGSAI_PASSWORD environment variable, or type it when `prongsai publish` asks (site.yaml is often copied and shared)
config-password-in-url = the publish url holds a password (user:password@)
config-publish-url = publish url: { $error }
    .help = write sftp://user@host:22/folder/, ftp://user@host/folder/, ftps://user@host/folder/, or a folder such as \\server\www\ita
config-publish-no-url = publish has no `url`
    .help = write where to send the site, e.g. `publish: {"{"} url: sftp://user@host:22/public_html/ita/ {"}"}`
config-scheme = `{ $scheme }://` is not a way prongsai can publish
config-port = port `{ $port }` is not a number from 1 to 65535
config-no-host = the address has no host name
