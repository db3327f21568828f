//! Errors with no one to show them to where they happen (a helper thread that has ended, a
//! desktop service that went away while a session closed) are written to the log, through the
//! `log` crate, rather than dropped. The window turns on the log on its error output
//! (`RUST_LOG=debug` for more); a library user picks their own logger.

use std::fmt::Display;

/// `result.log_err("what was being done")`: the value, or `None` with the error logged as a
/// warning, naming where in the code it happened.
pub trait LogErr<T> {
    fn log_err(self, what: &str) -> Option<T>;
}

impl<T, E: Display> LogErr<T> for Result<T, E> {
    #[track_caller]
    fn log_err(self, what: &str) -> Option<T> {
        match self {
            Ok(value) => Some(value),
            Err(e) => {
                let at = std::panic::Location::caller();
                log::warn!("{what}: {e} ({}:{})", at.file(), at.line());
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::LogErr;

    #[test]
    fn a_value_passes_and_an_error_becomes_none() {
        assert_eq!(Ok::<u8, String>(3).log_err("reading"), Some(3));
        assert_eq!(
            Err::<u8, String>("gone".to_owned()).log_err("reading"),
            None
        );
    }
}
