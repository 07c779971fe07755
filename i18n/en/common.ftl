# Words shared by every command.

# The counts `check` and `build` end with.
summary = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }
# More findings in one file than are drawn.
findings-not-shown = { $file }: { $count } more findings not shown; fix the ones above first
