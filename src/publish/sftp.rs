//! An SFTP destination (libssh2, through the `ssh2` crate), and the host keys it trusts.
//!
//! The host's key is checked against the known-hosts file before the password is sent: a new or
//! changed key is shown with its fingerprint and asked about (on a terminal), or accepted with
//! `--accept-host-key FINGERPRINT`, then remembered; it is never trusted silently.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use ssh2::{ErrorCode, HashType, OpenFlags, OpenType, RenameFlags, Session};

use super::{Failure, Options, Transport, temp_name};
use crate::config::Remote;
use crate::t;

// SFTP status codes (draft-ietf-secsh-filexfer): the ones a publish tells apart.
const FX_NO_SUCH_FILE: i32 = 2;
const FX_PERMISSION_DENIED: i32 = 3;
const FX_FAILURE: i32 = 4;
const FX_NO_SPACE: i32 = 14;
const FX_QUOTA_EXCEEDED: i32 = 15;

/// A logged-in SFTP session.
pub struct Sftp {
    sftp: ssh2::Sftp,
    dir: String,
    // Kept for the session's life: the SFTP channel runs over it.
    _session: Session,
}

impl Sftp {
    /// Connects, checks the host key, logs in and opens SFTP.
    pub fn connect(r: &Remote, opts: &Options) -> Result<Sftp, Failure> {
        let tcp = super::tcp(r)?;
        let mut session = Session::new().map_err(|e| ssh_failure(r, &e))?;
        session.set_tcp_stream(tcp);
        session.set_timeout(super::TIMEOUT.as_millis() as u32);
        session.handshake().map_err(|e| ssh_failure(r, &e))?;
        check_host_key(&session, r, opts)?;
        let password = super::password(r, opts)?;
        if session.userauth_password(&r.user, &password).is_err() || !session.authenticated() {
            return Err(super::wrong_password(r));
        }
        let sftp = session.sftp().map_err(|e| ssh_failure(r, &e))?;
        Ok(Sftp {
            sftp,
            dir: r.dir.clone(),
            _session: session,
        })
    }

    /// The path on the host of `path` under the destination folder.
    fn at(&self, path: &str) -> PathBuf {
        if self.dir.is_empty() {
            PathBuf::from(path)
        } else {
            Path::new(&self.dir).join(path)
        }
    }

    /// Writes `bytes` to the file `to` on the host.
    fn write(&self, to: &Path, bytes: &[u8]) -> io::Result<()> {
        let flags = OpenFlags::WRITE | OpenFlags::CREATE | OpenFlags::TRUNCATE;
        let mut file = self
            .sftp
            .open_mode(to, flags, 0o644, OpenType::File)
            .map_err(io_error)?;
        let written = file
            .write_all(bytes)
            .and_then(|()| file.close().map_err(io_error));
        written.map_err(|e| {
            // OpenSSH reports a full disk as a plain failure: its free space tells.
            match file.statvfs() {
                Ok(vfs) if vfs.f_bavail.saturating_mul(vfs.f_frsize) < bytes.len() as u64 => {
                    io::Error::new(io::ErrorKind::StorageFull, e.to_string())
                }
                _ => e,
            }
        })
    }
}

impl Transport for Sftp {
    fn read(&mut self, path: &str) -> io::Result<Option<Vec<u8>>> {
        let mut file = match self.sftp.open(self.at(path)) {
            Ok(f) => f,
            Err(e) if e.code() == ErrorCode::SFTP(FX_NO_SUCH_FILE) => return Ok(None),
            Err(e) => return Err(io_error(e)),
        };
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        Ok(Some(bytes))
    }

    fn put(&mut self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let (temp, to) = (self.at(&temp_name(path)), self.at(path));
        if let Err(e) = self.write(&temp, bytes) {
            let _ = self.sftp.unlink(&temp);
            return Err(e);
        }
        let flags = RenameFlags::OVERWRITE | RenameFlags::ATOMIC | RenameFlags::NATIVE;
        if self.sftp.rename(&temp, &to, Some(flags)).is_ok() {
            return Ok(());
        }
        // SFTP version 3 (OpenSSH's) renames only onto a free name: the old file goes first,
        // so for a moment the address has no file (never a half-written one).
        let _ = self.sftp.unlink(&to);
        self.sftp.rename(&temp, &to, None).map_err(io_error)
    }

    fn delete(&mut self, path: &str) -> io::Result<()> {
        match self.sftp.unlink(&self.at(path)) {
            Err(e) if e.code() != ErrorCode::SFTP(FX_NO_SUCH_FILE) => Err(io_error(e)),
            _ => Ok(()),
        }
    }

    fn mkdir(&mut self, path: &str) -> io::Result<()> {
        let dir = self.at(path);
        match self.sftp.mkdir(&dir, 0o755) {
            Err(_) if self.sftp.stat(&dir).is_ok_and(|s| s.is_dir()) => Ok(()),
            r => r.map_err(io_error),
        }
    }

    fn rmdir(&mut self, path: &str) -> io::Result<()> {
        self.sftp.rmdir(&self.at(path)).map_err(io_error)
    }
}

/// An SSH or SFTP error as the I/O error it means for a publish.
fn io_error(e: ssh2::Error) -> io::Error {
    use io::ErrorKind as K;
    let kind = match e.code() {
        ErrorCode::SFTP(FX_NO_SUCH_FILE) => K::NotFound,
        ErrorCode::SFTP(FX_PERMISSION_DENIED) => K::PermissionDenied,
        ErrorCode::SFTP(FX_NO_SPACE) => K::StorageFull,
        ErrorCode::SFTP(FX_QUOTA_EXCEEDED) => K::QuotaExceeded,
        ErrorCode::SFTP(FX_FAILURE) => K::Other,
        // LIBSSH2_ERROR_SOCKET_SEND, _SOCKET_RECV, _SOCKET_DISCONNECT, _TIMEOUT, _CHANNEL_CLOSED
        ErrorCode::Session(-7 | -43 | -13 | -9 | -26) => K::ConnectionAborted,
        _ => K::Other,
    };
    io::Error::new(kind, e.message().to_string())
}

/// A failure to reach or start SSH with the host.
fn ssh_failure(r: &Remote, e: &ssh2::Error) -> Failure {
    Failure::new(
        t!(
            "publish-ssh-failed",
            host = r.host.as_str(),
            port = r.port,
            error = e.message()
        ),
        t!("publish-ssh-failed.help"),
    )
}

/// The host key's fingerprint as OpenSSH prints it: `SHA256:` and unpadded base64.
fn fingerprint(session: &Session) -> Option<String> {
    session
        .host_key_hash(HashType::Sha256)
        .map(|h| format!("SHA256:{}", base64(h)))
}

/// Checks the host's key against the known hosts; a new or changed key is asked about (or taken
/// from `--accept-host-key`) and then remembered.
fn check_host_key(session: &Session, r: &Remote, opts: &Options) -> Result<(), Failure> {
    let seen = fingerprint(session)
        .ok_or_else(|| Failure::new(t!("publish-no-host-key"), t!("publish-no-host-key.help")))?;
    let name = format!("[{}]:{}", r.host, r.port);
    let known = KnownHosts::read(&opts.known_hosts);
    let stored = known.get(&name);
    if stored == Some(seen.as_str()) {
        return Ok(());
    }
    let what = match stored {
        None => t!(
            "publish-host-new",
            name = name.as_str(),
            seen = seen.as_str()
        ),
        Some(old) => t!(
            "publish-host-changed",
            name = name.as_str(),
            old = old,
            seen = seen.as_str()
        ),
    };
    let accepted = opts.accept_host_key.as_deref() == Some(seen.as_str())
        || (opts.interactive && opts.accept_host_key.is_none() && ask(&what));
    if !accepted {
        return Err(Failure::new(
            t!("publish-host-not-trusted", what = what),
            t!(
                "publish-host-not-trusted.help",
                seen = seen.as_str(),
                file = opts.known_hosts.display().to_string()
            ),
        ));
    }
    known
        .remember(&opts.known_hosts, &name, &seen)
        .map_err(|e| {
            Failure::new(
                t!(
                    "publish-cannot-remember",
                    file = opts.known_hosts.display().to_string(),
                    error = e.to_string()
                ),
                t!("publish-cannot-remember.help"),
            )
        })
}

/// Asks on the terminal whether to trust a host key.
fn ask(what: &str) -> bool {
    eprint!("{what}\n{} ", t!("publish-trust-question"));
    let mut answer = String::new();
    io::stdin().read_line(&mut answer).is_ok()
        && matches!(answer.trim().to_lowercase().as_str(), "y" | "yes" | "ใช่")
}

/// The remembered host keys: one `[host]:port SHA256:...` a line.
struct KnownHosts {
    lines: Vec<String>,
}

impl KnownHosts {
    /// Reads the file; a missing one knows no host.
    fn read(path: &Path) -> KnownHosts {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        KnownHosts {
            lines: text.lines().map(str::to_string).collect(),
        }
    }

    /// The fingerprint remembered for `name`.
    fn get(&self, name: &str) -> Option<&str> {
        self.lines.iter().find_map(|l| {
            let (host, fp) = l.split_once(' ')?;
            (host == name).then_some(fp.trim())
        })
    }

    /// Writes the file with `name`'s key set to `fingerprint`.
    fn remember(mut self, path: &Path, name: &str, fingerprint: &str) -> io::Result<()> {
        self.lines
            .retain(|l| l.split_once(' ').is_none_or(|(h, _)| h != name));
        self.lines.push(format!("{name} {fingerprint}"));
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(path, self.lines.join("\n") + "\n")
    }
}

/// The known-hosts file of this user: `%APPDATA%\prongsai\known_hosts` on Windows, else
/// `$XDG_CONFIG_HOME/prongsai/known_hosts` or `~/.config/prongsai/known_hosts`.
pub fn known_hosts_file() -> PathBuf {
    let var = |name| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let config = if cfg!(windows) {
        var("APPDATA")
    } else {
        var("XDG_CONFIG_HOME").or_else(|| var("HOME").map(|h| h.join(".config")))
    };
    config
        .unwrap_or_else(|| PathBuf::from("."))
        .join("prongsai")
        .join("known_hosts")
}

/// Base64 without padding, as fingerprints are written.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // Fingerprints are written as OpenSSH writes them (RFC 4648 base64 without padding).
    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg");
        assert_eq!(base64(b"fo"), "Zm8");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    // A remembered key is found by host and port, and remembering a new one replaces the old.
    #[test]
    fn known_hosts_remember_one_key_per_host() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("prongsai/known_hosts");
        KnownHosts::read(&file)
            .remember(&file, "[h]:22", "SHA256:old")
            .unwrap();
        KnownHosts::read(&file)
            .remember(&file, "[g]:22", "SHA256:g")
            .unwrap();
        KnownHosts::read(&file)
            .remember(&file, "[h]:22", "SHA256:new")
            .unwrap();
        let known = KnownHosts::read(&file);
        assert_eq!(known.get("[h]:22"), Some("SHA256:new"));
        assert_eq!(known.get("[g]:22"), Some("SHA256:g"));
        assert_eq!(known.get("[h]:2222"), None);
        assert_eq!(known.lines.len(), 2);
    }
}
