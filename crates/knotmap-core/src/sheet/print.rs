//! Printing through CUPS: the PDF goes to `lp` on its standard input. The arguments are
//! passed to `lp` directly, never through a shell.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};

/// Printing did not happen.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error("there is no printing system here (the `lp` command of CUPS was not found)")]
    NoLp,
    #[error("the printer refused the job: {0}")]
    Refused(String),
    #[error("could not talk to `lp`: {0}")]
    Io(#[from] std::io::Error),
    #[error("printing was cancelled")]
    Cancelled,
}

/// The job `lp` queued.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintJob {
    /// The job's id, such as "Office-12", when `lp` named one.
    pub id: Option<String>,
}

impl PrintJob {
    /// Reads `lp`'s answer, "request id is Office-12 (1 file(s))", for the job id.
    fn from_lp_output(said: &str) -> Self {
        let id = said
            .lines()
            .find_map(|line| line.trim().strip_prefix("request id is "))
            .and_then(|rest| rest.split_whitespace().next())
            .map(str::to_owned);
        Self { id }
    }
}

impl std::fmt::Display for PrintJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.id {
            Some(id) => write!(f, "as job {id}"),
            None => f.write_str("as a new job"),
        }
    }
}

/// Sends a PDF to the printer (the default one, or `printer`) and returns the job it made.
pub fn print_pdf(pdf: &[u8], title: &str, printer: Option<&str>) -> Result<PrintJob, PrintError> {
    print_pdf_with(std::path::Path::new("lp"), pdf, title, printer)
}

/// Like [`print_pdf`], with the `lp` program to run.
pub fn print_pdf_with(
    lp: &std::path::Path,
    pdf: &[u8],
    title: &str,
    printer: Option<&str>,
) -> Result<PrintJob, PrintError> {
    print_pdf_unless(lp, pdf, title, printer, &AtomicBool::new(false))
}

/// Like [`print_pdf_with`], and stops `lp` when `cancel` is set: a print server that does
/// not answer keeps `lp` waiting for a long time, and the runner may give up on it.
pub fn print_pdf_unless(
    lp: &std::path::Path,
    pdf: &[u8],
    title: &str,
    printer: Option<&str>,
    cancel: &AtomicBool,
) -> Result<PrintJob, PrintError> {
    let mut command = Command::new(lp);
    command.arg("-t").arg(title);
    if let Some(printer) = printer {
        command.arg("-d").arg(printer);
    }
    let mut child = match command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(PrintError::NoLp),
        Err(e) => return Err(PrintError::Io(e)),
    };
    let (stdin, stdout, stderr) = (child.stdin.take(), child.stdout.take(), child.stderr.take());
    let (written, said, err, status) = std::thread::scope(|scope| {
        // `lp` may refuse the job and exit before reading it all (no printer, say): then the
        // write fails with a broken pipe, and what `lp` said is the message worth showing.
        let writer = scope.spawn(move || stdin.map_or(Ok(()), |mut stdin| stdin.write_all(pdf)));
        let out = scope.spawn(move || read_all(stdout));
        let err = scope.spawn(move || read_all(stderr));
        let status: Result<std::process::ExitStatus, PrintError> = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Ok(status),
                Ok(None) if cancel.load(Ordering::Relaxed) => {
                    // Stopping it closes its pipes, which ends the threads above.
                    break match child.kill().and_then(|()| child.wait()) {
                        Ok(_) => Err(PrintError::Cancelled),
                        Err(e) => Err(PrintError::Io(e)),
                    };
                }
                Ok(None) => std::thread::sleep(std::time::Duration::from_millis(20)),
                Err(e) => break Err(PrintError::Io(e)),
            }
        };
        let written = writer
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("the writer stopped")));
        let said = out.join().unwrap_or_default();
        let err = err.join().unwrap_or_default();
        (written, said, err, status)
    });
    let status = status?;
    let said = said.trim().to_owned();
    if !status.success() {
        let err = err.trim().to_owned();
        let err = if err.is_empty() { said } else { err };
        return Err(PrintError::Refused(if err.is_empty() {
            format!("`lp` stopped with {status}")
        } else {
            err.strip_prefix("lp: ").unwrap_or(&err).to_owned()
        }));
    }
    written?;
    Ok(PrintJob::from_lp_output(&said))
}

/// Everything a pipe of `lp`'s says, as text.
fn read_all(pipe: Option<impl Read>) -> String {
    let mut bytes = Vec::new();
    if let Some(mut pipe) = pipe
        && pipe.read_to_end(&mut bytes).is_err()
    {
        // What came before the error is still worth showing.
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::{PrintError, PrintJob, print_pdf_with};

    #[test]
    fn the_job_id_is_read_from_what_lp_says() {
        let job = PrintJob::from_lp_output("request id is Office-12 (0 file(s))\n");
        assert_eq!(job.id.as_deref(), Some("Office-12"));
        assert_eq!(job.to_string(), "as job Office-12");
        assert_eq!(PrintJob::from_lp_output("").to_string(), "as a new job");
    }

    #[test]
    fn a_printer_that_refuses_at_once_gives_its_own_reason() {
        let dir = tempfile::tempdir().expect("temp dir");
        let lp = dir.path().join("lp");
        std::fs::write(
            &lp,
            "#!/bin/sh\necho 'lp: The printer or class does not exist.' >&2\nexit 1\n",
        )
        .expect("write lp");
        std::process::Command::new("chmod")
            .args(["+x", lp.to_str().expect("path")])
            .status()
            .expect("chmod");
        // Large enough that the pipe fills before `lp` exits without reading it.
        let pdf = vec![b'%'; 4 << 20];
        match print_pdf_with(&lp, &pdf, "Sheet", Some("Nowhere")) {
            Err(PrintError::Refused(reason)) => {
                assert_eq!(reason, "The printer or class does not exist.");
            }
            other => panic!("expected the printer's reason, got {other:?}"),
        }
    }
}
