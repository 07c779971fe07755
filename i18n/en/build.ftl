# build

## site: what `build` ends with.
build-built = built { $measures } measures and { $pages } pages into { $out } in { $seconds } s ({ $files } files, { $written } written, { $removed } removed{ $warnings ->
        [0] {""}
        [one] , 1 warning
       *[other] , { $warnings } warnings
    })
build-built-search = built { $measures } measures and { $pages } pages into { $out } in { $seconds } s, search index { $search } s of it ({ $files } files, { $written } written, { $removed } removed{ $warnings ->
        [0] {""}
        [one] , 1 warning
       *[other] , { $warnings } warnings
    })
build-failed = build failed: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }{ $warnings ->
        [0] {""}
        [one] , 1 warning
       *[other] , { $warnings } warnings
    }; { $out } was left as it was
build-failed-stranded = build failed: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }{ $warnings ->
        [0] {""}
        [one] , 1 warning
       *[other] , { $warnings } warnings
    }; { $out } is missing: the previous site is in { $parked }, and the next build puts it back
build-no-site-yaml-here = no site.yaml here; run in a site folder or pass --root DIR
build-no-site-yaml-in = no site.yaml in { $folder }; run in a site folder or pass --root DIR

## site: findings across files.
build-out-among-inputs = the output folder is inside { $folder }/, which the build reads: the built site would be read back as the site's own files
    .help = choose an output folder outside it (--out public)
build-same-address = `{ $file }` gives the same web address ({ $address }) as `{ $first }`
    .help = rename one of the two files: addresses come from file names, ignoring case, spaces and punctuation
    .rename = rename one of the two files
build-reserved-address = the page address `{ $address }/` is used by the site itself
    .help = rename the file; these names are taken: { $names }
build-two-scores = indicator { $indicator } of fiscal year { $year } has two scores: { $score } here, { $theirs } in { $there }
    .help = an indicator has one score: make both files give the same one (the home page would show one, the report the other)
build-static-too-big = static/ holds more than { $size }; a site's own files may be at most that
    .help = put documents in content/files/ and list them as attachments; keep static/ for the theme's images and styles
build-search-index = search index
build-search-failed = cannot build the search index: { $error }
    .help = build with --no-search to publish the site without search, and report this
build-search-page-too-long = this page is too long for the search index ({ $mb } MB; the limit is { $kb } KB), so search does not find it
    .help = split the text into several pages, or attach the long document as a PDF

## output: writing the output folder.
build-cannot-write = cannot write the site: { $error }
    .help = check that the folder is writable, the disk is not full and no program holds a file of it open; the previous site is left as it was
    .stranded = the previous site is in { $parked }: close any program that has a file of the site open (a PDF, an Explorer window), then build again, which puts it back first
build-not-put-back = { $error }; the previous site could not be put back
build-out-is-file = { $path } is a file, not a folder; move it away or choose another output folder (--out)
build-out-not-ours = { $path } exists and was not made by prongsai; move it away or choose another output folder (--out)
build-parked-not-ours = { $path } exists and was not made by prongsai; move it away
build-output-outside = this output would be written outside the site folder
build-output-twice = two files of the site would be written to this address
    .help = an attachment, a page or a unit name takes an address the site already uses: rename one
build-output-look-alike = two files of the site would be written to addresses that look the same: `{ $first }` and this one
    .help = the names differ only in how accents or Thai marks were typed: rename one, or type both names the same way

## render: templates.
build-template-line = (line { $line })
build-template-too-long = the template runs too long{ $at }: it took more than { $steps } steps for one page
    .help = look for a loop that never ends or loops over a huge range in this template, or delete the file to use the built-in theme's
build-template-error = template error{ $at }: { $detail }
    .help = fix the template named here; `prongsai build` uses the built-in theme for templates your site does not override
build-template-unreadable = cannot read template: { $error }
build-template-syntax = template syntax error: { $detail }
build-url-for = url_for: no page of kind `{ $kind }` with `{ $key }`
