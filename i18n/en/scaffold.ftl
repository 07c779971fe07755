# scaffold

## init, new measure
scaffold-not-empty = { $folder } is not empty; choose a new folder
scaffold-exists = { $path } already exists

## new year: why it wrote nothing.
scaffold-not-a-year = { $year } is not a Buddhist Era year: the next fiscal year is { $next }
scaffold-year-not-after = site.yaml is already at fiscal year { $from }: a new year comes after it, e.g. `prongsai new year { $next }`
scaffold-year-skips = { $year } skips { $next }: the next fiscal year is { $next }; add --force to skip years on purpose
scaffold-draft-exists = { $path } already exists; nothing was written (rename it, or carry the year over by hand)
scaffold-year-from-site-yaml = this measure takes its fiscal year from site.yaml ({ $from }): it would move to { $year } with it
    .help = add `fiscal_year: { $from }` under `title:`, then run it again
scaffold-no-fiscal-year-line = cannot find the `fiscal_year:` line in site.yaml to change; write `fiscal_year: { $year }` there by hand

## new year: what it did and what to do next.
scaffold-year-set = site.yaml: fiscal_year { $from } -> { $to }
scaffold-year-started = fiscal year { $to } started
scaffold-wrote-draft = wrote draft: { $path }
scaffold-nothing-carried = no measure of { $from } was carried over
scaffold-next-new-measure = next: add the measures of { $to } with `prongsai new measure "TITLE"`
scaffold-carried = carried { $count } measure(s) of { $from } over as drafts of { $to } (status not_done; results, score, dates and OIT items left empty); the files of { $from } were not changed
scaffold-next-drafts = next: adjust each draft's plan for { $to }, delete the drafts you do not need, fill in results as they come; `prongsai check` lists what is not filled in
scaffold-evidence-empty = OIT evidence for { $to } starts empty: add it to content/disclosures.yaml as documents are published
