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
# A guess at what a misspelt word was meant to be.
did-you-mean = did you mean `{ $word }`?

## How findings are printed

# The label under the caret that points at the spot.
diag-here = here
diag-error = error
diag-warning = warning
# Before the text that says how to fix a finding.
diag-help = help
