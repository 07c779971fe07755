# serve

## The terminal.
serve-serving = serving { $url }  (Ctrl-C to stop)
serve-open-to-network = warning: listening on { $address }, so other computers on the network can open this preview, drafts included; leave out --bind to keep it on this computer (127.0.0.1)
serve-port-taken = port { $port } is in use; trying { $next }
serve-cannot-listen = cannot listen on { $address }: { $error }; pass another --port
serve-no-browser = warning: cannot open a browser ({ $error }); open { $url } yourself
serve-cannot-watch = warning: cannot watch { $path }: { $error }
serve-watch-failed = warning: watching files: { $error }
serve-changed-everything = change detected; rebuilding everything
serve-changed-one = { $file } changed; rebuilding
serve-changed-many = { $file } and { $more } more changed; rebuilding
serve-nothing-changed = nothing changed ({ $ms } ms)
serve-built = built { $measures } measures and { $pages } pages in { $ms } ms ({ $parsed } parsed, { $files } files)
serve-failed-kept = build failed: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }; still serving the last good build, with the errors over every page
serve-failed-first = build failed: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }; the preview shows them until they are fixed
serve-fixed = fixed; serving the last good build again ({ $ms } ms)
serve-crashed = the build crashed (a bug in prongsai)
    .help = please report it with the file you were editing; save again to retry
serve-stopped-errors = stopped. The last change has errors (listed above): fix them, then run `prongsai build` before you upload { $public }
serve-stopped-same = stopped. { $public } holds the site as previewed: upload it as it is
serve-stopped-changed = stopped. The site changed since the last `prongsai build`: run `prongsai build` before you upload { $public } (the preview never writes it)

## The browser: the boxes over the previewed pages, and the server's own pages.
serve-html-lang = en
serve-error-title = Build failed
serve-error-hint = Fix the file below and save; this page reloads by itself.
serve-error-close = Close
serve-notes-label = To do (seen in the preview only)
serve-notes-title = To do: shown in this preview only, never published
# `%n` is replaced by the number in the browser.
serve-notes-count = Items to do: %n
serve-notes-unverified = (not verified)
serve-notes-requires = needs:
serve-first-failed = prongsai: build failed
serve-not-found = Not found. The preview is at
serve-get-only = GET only
serve-wrong-host = the preview answers only to localhost and the address it listens on
# A rebuild prints only the findings that are new; the rest are counted.
serve-findings-as-before = { $count ->
        [one] 1 finding as before (shown above)
       *[other] { $count } findings as before (shown above)
    }
