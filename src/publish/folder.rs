//! A folder destination: a local folder, a mounted drive or a network share (`\\server\www\ita`).

use std::io;
use std::path::{Path, PathBuf};

use super::{Failure, Transport, temp_name};

/// A folder to publish into.
pub struct Folder {
    dir: PathBuf,
}

impl Folder {
    /// The folder `dir`, which must exist (a missing one is more often a mistyped path or an
    /// unmounted share than a folder to make).
    pub fn open(dir: &Path) -> Result<Folder, Failure> {
        if dir.is_dir() {
            return Ok(Folder {
                dir: dir.to_path_buf(),
            });
        }
        Err(Failure::new(
            crate::t!(
                "publish-destination-missing",
                folder = dir.display().to_string()
            ),
            crate::t!("publish-destination-missing.help"),
        ))
    }
}

impl Transport for Folder {
    fn read(&mut self, path: &str) -> io::Result<Option<Vec<u8>>> {
        match std::fs::read(self.dir.join(path)) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn put(&mut self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let temp = self.dir.join(temp_name(path));
        let written =
            std::fs::write(&temp, bytes).and_then(|()| std::fs::rename(&temp, self.dir.join(path)));
        if written.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        written
    }

    fn delete(&mut self, path: &str) -> io::Result<()> {
        match std::fs::remove_file(self.dir.join(path)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    fn mkdir(&mut self, path: &str) -> io::Result<()> {
        let dir = self.dir.join(path);
        match std::fs::create_dir(&dir) {
            Err(_) if dir.is_dir() => Ok(()),
            r => r,
        }
    }

    fn rmdir(&mut self, path: &str) -> io::Result<()> {
        std::fs::remove_dir(self.dir.join(path))
    }
}
