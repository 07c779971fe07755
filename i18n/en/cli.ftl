# The command line: clap's help (`cli-<command>-<argument>`, `cli-<command>-about`, see
# `main::localise`), its headings and errors, and the lines `main` prints itself.

## The program and the arguments every command takes.
cli-about = Build a Thai local government's integrity and transparency (ITA) website from Markdown files
cli-quiet = Print only errors and warnings
cli-lang = Language of messages: th or en [default: the system's]
cli-help = Print help
cli-version = Print version
cli-root = The site folder, holding site.yaml and content/
cli-help-about = Print this message or the help of the given subcommand(s)
cli-help-subcommand = The command to print the help of

## The commands.
cli-build-about = Build the site into public/ (only when every file is valid; public/ is replaced atomically)
cli-build-out = Output folder [default: ROOT/public]
cli-build-base-url = Public address of the site, replacing base_url in site.yaml
cli-build-no-search = Skip the search index (quicker builds; the search page then finds nothing)
cli-check-about = Check every file and report all problems; writes nothing. Exit 0 clean, 1 errors, 2 could not run
cli-check-format = Output format
cli-check-strict = Treat OIT evidence dated outside its fiscal year ("needs attention") as an error
cli-serve-about = Preview the site in a browser, rebuilding and reloading on every change (Ctrl-C stops)
cli-serve-port = Port to listen on; the next free one is used when it is taken
cli-serve-bind = Address to listen on; anything but 127.0.0.1 shows the preview to the network
cli-serve-open = Open the preview in the default browser
cli-serve-poll = Poll for changes instead of waiting for file system events (network drives, WSL on /mnt/c)
cli-serve-search = Build the search index on every rebuild, so the search page works in the preview
cli-publish-about = Build, then send what changed to the host of `publish.url` in site.yaml (password from PRONGSAI_PASSWORD or a prompt). Exit 0 published, 1 the site has errors, 2 not published
cli-publish-dry-run = List what would be sent and deleted; send nothing
cli-publish-accept-host-key = Trust this SFTP host key (SHA256:...) when it is new or changed, and remember it
cli-init-about = Create a new site in DIR with an example measure and instructions, for the fiscal year of today's date in Thailand (SOURCE_DATE_EPOCH, when set, is taken as now)
cli-init-dir = Folder to create (must be empty or missing)
cli-new-about = Create a new measure, or start a new fiscal year
cli-new-measure-about = A new measure: content/measures/measure-N.md (or --name)
cli-new-measure-title = The measure's title, e.g. "การเปิดเผยข้อมูลสาธารณะ"
cli-new-measure-name = File name without .md (it becomes the page's address)
cli-new-year-about = Start fiscal year YEAR (on 1 October): set fiscal_year in site.yaml, and carry last year's measures over as drafts of YEAR (results, score, dates and OIT items left empty)
cli-new-year-year = The new fiscal year (Buddhist Era), the one after site.yaml's, e.g. 2570
cli-new-year-no-carry = Only set the year; carry no measure over
cli-new-year-force = Start a year that is not the next one (skipping years)
cli-criteria-about = Write criteria/ita-YEAR.yaml, the site's own OIT item list for YEAR, from prongsai's list for that year (or the one standing in for it), to edit when NACC publishes the year's manual
cli-criteria-year = The ITA fiscal year in Buddhist Era, e.g. 2570 [default: fiscal_year in site.yaml]

## The help's own words (English keeps clap's; these are for the other languages' layout).
cli-usage = Usage:
cli-commands = Commands
cli-arguments = Arguments
cli-options = Options
cli-default = [default: { $value }]
cli-env = [env: { $name }]
cli-values = [possible values: { $values }]

## A command line clap could not read (English prints clap's own error).
cli-bad-unknown-argument = unexpected argument `{ $arg }`
cli-bad-unknown-command = unrecognized subcommand `{ $arg }`
cli-bad-suggestion = tip: did you mean `{ $suggested }`?
cli-bad-invalid-value = invalid value `{ $value }` for `{ $arg }`
cli-bad-valid-values = possible values: { $values }
cli-bad-missing-argument = the required argument { $arg } was not provided
cli-bad-missing-command = a command is required
cli-bad-too-many = unexpected value `{ $value }` for `{ $arg }`
cli-bad-conflict = `{ $arg }` cannot be used with `{ $other }`
cli-bad-other = the command line cannot be read
cli-bad-more = For more information, try `{ $command } --help`.

## What the commands print.
cli-error = error: { $message }
cli-hint = { "  " }help: { $help }
cli-created = created { $path }
cli-init-next = next: cd { $dir } && prongsai build
cli-criteria-created = created { $path } from the ITA { $from } list; edit it to match NACC's ITA { $year } manual, then run prongsai check
cli-epoch-not-a-number = SOURCE_DATE_EPOCH is `{ $value }`, not a number of seconds since 1970; unset it or fix it
cli-epoch-out-of-range = the date { $seconds } seconds after 1970 is out of range; check the clock or SOURCE_DATE_EPOCH
cli-fix-site-yaml = { $summary }; fix site.yaml first
cli-new-year-not-started = { $summary }; the new year was not started: fix these first
cli-no-publish = site.yaml does not say where to publish
    .help = add a line such as `publish: {"{"} url: sftp://user@host:22/public_html/ita/ {"}"}` (or ftp://, ftps://, or a folder); the password is never written there
cli-dry-run-send = send   { $path }
cli-dry-run-delete = delete { $path }
cli-published = { $summary } → { $destination }
