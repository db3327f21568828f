//! Printing through CUPS: the PDF goes to `lp` on its standard input. The arguments are
//! passed to `lp` directly, never through a shell.

use std::io::Write;
use std::process::{Command, Stdio};

/// Printing did not happen.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error("there is no printing system here (the `lp` command of CUPS was not found)")]
    NoLp,
    #[error("the printer refused the job: {0}")]
    Refused(String),
    #[error("could not talk to `lp`: {0}")]
    Io(#[from] std::io::Error),
}

/// Sends a PDF to the printer (the default one, or `printer`). Returns what `lp` said, such
/// as "request id is Office-12 (1 file(s))".
pub fn print_pdf(pdf: &[u8], title: &str, printer: Option<&str>) -> Result<String, PrintError> {
    print_pdf_with(std::path::Path::new("lp"), pdf, title, printer)
}

/// Like [`print_pdf`], with the `lp` program to run.
pub fn print_pdf_with(
    lp: &std::path::Path,
    pdf: &[u8],
    title: &str,
    printer: Option<&str>,
) -> Result<String, PrintError> {
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
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(pdf)?;
    }
    let output = child.wait_with_output()?;
    let said = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    if output.status.success() {
        Ok(said)
    } else {
        let err = String::from_utf8_lossy(&output.stderr).trim().to_owned();
        Err(PrintError::Refused(if err.is_empty() { said } else { err }))
    }
}
