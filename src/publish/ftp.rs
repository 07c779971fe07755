//! An FTP or FTPS destination (the `suppaftp` crate; TLS from the system: OpenSSL on Linux,
//! SChannel on Windows, so FTPS trusts what the computer trusts).

use std::io;

use suppaftp::native_tls::{Certificate, TlsConnector};
use suppaftp::types::FileType;
use suppaftp::{FtpError, NativeTlsConnector, NativeTlsFtpStream, Status};

use super::{Failure, Options, Transport, password, tcp, temp_name, wrong_password};
use crate::config::{Protocol, Remote};
use crate::t;

/// A logged-in FTP or FTPS session.
pub struct Ftp {
    ftp: NativeTlsFtpStream,
    /// The destination folder as an absolute path, ending in `/`.
    base: String,
}

impl Ftp {
    /// Connects (with TLS for `ftps://`), logs in and finds the destination folder.
    pub fn connect(r: &Remote, opts: &Options) -> Result<Ftp, Failure> {
        let tcp = tcp(r)?;
        let lost = |e: FtpError| ftp_failure(r, &e);
        let mut ftp = NativeTlsFtpStream::connect_with_stream(tcp).map_err(lost)?;
        if r.protocol == Protocol::Ftps {
            let connector = tls_connector(opts)?;
            ftp = ftp
                .into_secure(NativeTlsConnector::from(connector), &r.host)
                .map_err(|e| certificate_failure(r, &e))?;
        }
        let user = if r.user.is_empty() {
            "anonymous"
        } else {
            &r.user
        };
        let password = if r.user.is_empty() {
            String::new()
        } else {
            password(r, opts)?
        };
        match ftp.login(user, &password) {
            Err(FtpError::UnexpectedResponse(resp)) if resp.status == Status::NotLoggedIn => {
                return Err(wrong_password(r));
            }
            r2 => r2.map_err(lost)?,
        }
        ftp.transfer_type(FileType::Binary).map_err(lost)?;
        let home = ftp.pwd().map_err(lost)?;
        let base = match r.dir.as_str() {
            d if d.starts_with('/') => format!("{d}/"),
            "" => format!("{}/", home.trim_end_matches('/')),
            d => format!("{}/{d}/", home.trim_end_matches('/')),
        };
        if ftp.cwd(&base).is_err() {
            return Err(Failure::new(
                t!(
                    "publish-folder-missing",
                    folder = base.as_str(),
                    host = r.host.as_str()
                ),
                t!("publish-folder-missing.help"),
            ));
        }
        Ok(Ftp { ftp, base })
    }

    /// The absolute path on the host of `path`.
    fn at(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Whether the file `path` (absolute) is on the host.
    fn exists(&mut self, path: &str) -> bool {
        self.ftp.size(path).is_ok()
    }
}

impl Transport for Ftp {
    fn read(&mut self, path: &str) -> io::Result<Option<Vec<u8>>> {
        let at = self.at(path);
        if !self.exists(&at) {
            return Ok(None);
        }
        match self.ftp.retr_as_buffer(&at) {
            Ok(cursor) => Ok(Some(cursor.into_inner())),
            Err(e) => Err(io_error(e)),
        }
    }

    fn put(&mut self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let (temp, to) = (self.at(&temp_name(path)), self.at(path));
        if let Err(e) = self.ftp.put_file(&temp, &mut &bytes[..]) {
            let _ = self.ftp.rm(&temp);
            return Err(io_error(e));
        }
        if self.ftp.rename(&temp, &to).is_ok() {
            return Ok(());
        }
        // Some servers (Windows IIS) rename only onto a free name: the old file goes first.
        let _ = self.ftp.rm(&to);
        self.ftp.rename(&temp, &to).map_err(io_error)
    }

    fn delete(&mut self, path: &str) -> io::Result<()> {
        let at = self.at(path);
        match self.ftp.rm(&at) {
            // 550 is both "no such file" and "not allowed": the file being still there tells.
            Err(e) if self.exists(&at) => Err(io_error(e)),
            _ => Ok(()),
        }
    }

    fn mkdir(&mut self, path: &str) -> io::Result<()> {
        let at = self.at(path);
        match self.ftp.mkdir(&at) {
            Err(e) => {
                if self.ftp.cwd(&at).is_ok() {
                    let base = self.base.clone();
                    self.ftp.cwd(&base).map_err(io_error)
                } else {
                    Err(io_error(e))
                }
            }
            Ok(()) => Ok(()),
        }
    }

    fn rmdir(&mut self, path: &str) -> io::Result<()> {
        let at = self.at(path);
        self.ftp.rmdir(&at).map_err(io_error)
    }
}

/// An FTP error as the I/O error it means for a publish, by the reply code.
fn io_error(e: FtpError) -> io::Error {
    use io::ErrorKind as K;
    match e {
        FtpError::ConnectionError(e) => e,
        FtpError::UnexpectedResponse(resp) => {
            let kind = match resp.status.code() {
                // 452/552: no space or quota exceeded; 451: the server failed writing
                // (vsftpd's reply for a full disk).
                451 | 452 | 552 => K::StorageFull,
                530 | 532 | 550 | 553 => K::PermissionDenied,
                421 | 425 | 426 => K::ConnectionAborted,
                _ => K::Other,
            };
            let body = String::from_utf8_lossy(&resp.body).trim().to_string();
            io::Error::new(kind, body)
        }
        e => io::Error::other(e.to_string()),
    }
}

/// The TLS settings: the system's trust, plus `publish.certificate` when set.
fn tls_connector(opts: &Options) -> Result<TlsConnector, Failure> {
    let mut builder = TlsConnector::builder();
    if let Some(path) = &opts.certificate {
        let cert = std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|pem| Certificate::from_pem(&pem).map_err(|e| e.to_string()))
            .map_err(|e| {
                Failure::new(
                    t!(
                        "publish-certificate-unreadable",
                        file = path.display().to_string(),
                        error = e
                    ),
                    t!("publish-certificate-unreadable.help"),
                )
            })?;
        builder.add_root_certificate(cert);
    }
    builder.build().map_err(|e| {
        Failure::new(
            t!("publish-tls-failed", error = e.to_string()),
            t!("publish-tls-failed.help"),
        )
    })
}

/// The failure of a TLS handshake: almost always a certificate that does not match the host.
fn certificate_failure(r: &Remote, e: &FtpError) -> Failure {
    Failure::new(
        t!(
            "publish-certificate-rejected",
            host = r.host.as_str(),
            error = e.to_string()
        ),
        t!("publish-certificate-rejected.help"),
    )
}

/// A failure of the FTP conversation before logging in.
fn ftp_failure(r: &Remote, e: &FtpError) -> Failure {
    Failure::new(
        t!(
            "publish-ftp-failed",
            host = r.host.as_str(),
            port = r.port,
            error = e.to_string()
        ),
        t!("publish-ftp-failed.help"),
    )
}
