//! The exit status of every command, named once (as fd's `exit_codes.rs` does).
//!
//! Scripts and CI read it: 0 all went well (warnings alone do not change that), 1 the files have
//! errors (the build was not written, or `check` found errors), 2 the command could not run at all
//! (no site.yaml, bad arguments, a folder it could not create or read).

use crate::diag::Findings;

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Done; there may be warnings.
    Success = 0,
    /// The site's files have errors: `check` found some, or `build` wrote nothing.
    HasErrors = 1,
    /// The command could not run: no site.yaml, bad arguments, or I/O that stopped it.
    CouldNotRun = 2,
}

impl Exit {
    /// `HasErrors` when any finding is an error, else `Success`.
    pub fn of(findings: &Findings) -> Exit {
        if findings.has_errors() {
            Exit::HasErrors
        } else {
            Exit::Success
        }
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> Self {
        std::process::ExitCode::from(exit as u8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Finding;

    // Warnings alone end a command with success; one error makes it exit 1.
    #[test]
    fn only_errors_turn_findings_into_a_failure() {
        let mut findings = Findings::default();
        assert_eq!(Exit::of(&findings), Exit::Success);
        findings.push(Finding::error("a.md", "odd").warning());
        assert_eq!(Exit::of(&findings), Exit::Success);
        findings.push(Finding::error("a.md", "wrong"));
        assert_eq!(Exit::of(&findings), Exit::HasErrors);
        assert_eq!(Exit::HasErrors as u8, 1);
        assert_eq!(Exit::CouldNotRun as u8, 2);
    }
}
