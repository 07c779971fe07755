//! `prongsai init`, `new measure` and `new year`: starting files with every field present and
//! explained, and nothing made up. What only the clerk knows (scores, results, dates, OIT items)
//! is written as an empty key with a comment on what to write, which `check` then reports as
//! "not filled in" until it is (see `measure`). `new year` reads the site with [`site::load`],
//! so this module sits above `site`.

use std::io;
use std::path::{Path, PathBuf};

use crate::diag::{Finding, Findings};
use crate::measure::{Assessment, Measure};
use crate::site;
use crate::t;
use crate::thai;
use crate::yaml;

/// What a new measure file says: what is known (its title, its fiscal year and, carried over
/// from last year, its plan), with every other key left empty for the clerk.
#[derive(Debug, Default)]
pub struct Draft {
    pub title: String,
    pub fiscal_year: i32,
    pub assessment: Option<Assessment>,
    pub indicator: Option<u8>,
    /// The pass mark (site default 85 when None).
    pub target: Option<f64>,
    pub methods: Vec<String>,
    pub responsible: Vec<String>,
    pub follow_up: Option<String>,
    /// The measure it was carried over from, if it was.
    pub carried_from: Option<Carried>,
}

/// Last year's measure a draft was carried over from.
#[derive(Debug)]
pub struct Carried {
    /// Its file, relative to the site root.
    pub source: String,
    pub fiscal_year: i32,
    /// What it said in the keys the draft leaves empty, written below them as comments.
    pub last: Vec<(&'static str, String)>,
}

impl Draft {
    /// A new measure titled `title` in `fiscal_year`, knowing nothing else.
    pub fn new(title: &str, fiscal_year: i32) -> Draft {
        Draft {
            title: title.trim().to_string(),
            fiscal_year,
            ..Draft::default()
        }
    }

    /// Next year's draft of `m`: its plan (title, assessment, indicator, target, methods,
    /// responsible units, follow-up) in `year`; its results, score, period, date, OIT items and
    /// attachments left empty, last year's values kept as comments.
    pub fn carried(m: &Measure, year: i32) -> Draft {
        let list = |v: &[String]| serde_json::to_string(v).unwrap_or_default();
        let last: Vec<(&'static str, String)> = [
            ("score", m.score.map(|s| format!("{s:.2}"))),
            (
                "results",
                Some(list(&m.results)).filter(|_| !m.results.is_empty()),
            ),
            ("period", m.period.clone()),
            ("oit", Some(list(&m.oit)).filter(|_| !m.oit.is_empty())),
            ("date", m.date.map(thai::Date::iso)),
            ("attachments", {
                let paths: Vec<String> = m.attachments.iter().map(|a| a.path.clone()).collect();
                Some(list(&paths)).filter(|_| !paths.is_empty())
            }),
        ]
        .into_iter()
        .filter_map(|(k, v)| Some((k, v?)))
        .collect();
        Draft {
            title: m.title.clone(),
            fiscal_year: year,
            assessment: Some(m.assessment),
            indicator: Some(m.indicator),
            target: Some(m.target),
            methods: m.methods.clone(),
            responsible: m.responsible.clone(),
            follow_up: m.follow_up.clone(),
            carried_from: Some(Carried {
                source: m.source.clone(),
                fiscal_year: m.fiscal_year,
                last,
            }),
        }
    }

    /// The file's text: front matter only, one key a line with a Thai and English comment on
    /// what to write (and, for a carried-over draft, last year's value below it); the body is
    /// left for the clerk.
    pub fn render(&self) -> String {
        let fy = self.fiscal_year;
        let mut out = String::from("---\n");
        match &self.carried_from {
            Some(Carried {
                source,
                fiscal_year: from,
                ..
            }) => out.push_str(&format!(
                "# ร่างมาตรการปีงบประมาณ {fy} จากมาตรการปี {from} ({source})\n\
                 # A draft for {fy} carried over from {from}: fill in each empty key when you know it.\n"
            )),
            None => out.push_str(
                "# มาตรการใหม่: กรอกช่องที่ว่างเมื่อทราบ ช่องที่ไม่มีให้ลบทั้งบรรทัด\n\
                 # A new measure: fill in each empty key when you know it; delete the line of one that does not apply.\n",
            ),
        }
        for (key, value, help) in self.keys() {
            let head = match &value {
                Value::One(v) => format!("{key}: {v}"),
                Value::Empty | Value::List(_) => format!("{key}:"),
            };
            out.push_str(&format!("{head:<21} # {help}\n"));
            if let Value::List(items) = &value {
                for item in items {
                    out.push_str(&format!("  - {item}\n"));
                }
            }
            if let Some(c) = &self.carried_from
                && let Some((_, v)) = c.last.iter().find(|(k, _)| *k == key)
            {
                let from = c.fiscal_year;
                out.push_str(&format!("  # ปี {from} / in {from}: {v}\n"));
            }
        }
        out.push_str("# รายละเอียดของมาตรการ (Markdown) เขียนใต้เส้น --- ด้านล่าง - write the details below the closing ---\n---\n");
        out
    }

    /// Every key of a measure, in the template's order: its value (YAML, already quoted) and
    /// what to write in it.
    // Long: it is the template's table, one entry a key.
    fn keys(&self) -> [(&'static str, Value, String); 15] {
        let fy = self.fiscal_year;
        // Examples in the comments fall in the draft's own fiscal year.
        let yy = short_year;
        // A JSON string is a YAML double-quoted one: any title or step reads back as written.
        let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
        let list = |v: &[String]| Value::List(v.iter().map(|s| q(s)).collect());
        [
            ("title", Value::One(q(&self.title)), "ชื่อมาตรการ (ต้องกรอก) - the measure's title".into()),
            ("fiscal_year", Value::One(fy.to_string()), "ปีงบประมาณ พ.ศ. - fiscal year (Buddhist Era)".into()),
            ("assessment", Value::from(self.assessment.map(|a| a.code().to_string())), "แบบประเมิน IIT, EIT หรือ OIT (ต้องกรอก) - assessment (required)".into()),
            ("indicator", Value::from(self.indicator.map(|i| i.to_string())), "ตัวชี้วัดที่ (ต้องกรอก) IIT 1-5, EIT 6-8, OIT 9-10 - ITA indicator (required)".into()),
            ("score", Value::Empty, "คะแนนตัวชี้วัดนี้ในการประเมินปีที่แล้ว เช่น 95.60 - the indicator's score in last year's assessment".into()),
            ("target", Value::One(format!("{}", self.target.unwrap_or(crate::oit::PASS_MARK))), "เกณฑ์เป้าหมาย - pass mark".into()),
            ("methods", list(&self.methods), "วิธีการดำเนินการ บรรทัดละขั้น เช่น   - \"จัดทำคู่มือ\" - how, one `- ` line a step".into()),
            ("results", Value::Empty, "ผลการดำเนินการ บรรทัดละข้อ เช่น   - \"จัดประชุมชี้แจงแล้ว\" - results, one `- ` line each".into()),
            ("responsible", list(&self.responsible), "หน่วยงานที่รับผิดชอบ เช่น [สำนักปลัด, กองคลัง] - responsible units".into()),
            ("period", Value::Empty, format!("ระยะเวลาดำเนินการ เช่น ต.ค. {} - ก.ย. {} - period", yy(fy - 1), yy(fy))),
            ("status", Value::One("not_done".into()), "สถานะ done (ดำเนินการแล้ว), in_progress (อยู่ระหว่างดำเนินการ), not_done (ยังไม่ดำเนินการ)".into()),
            ("follow_up", Value::from(self.follow_up.as_deref().map(q)), "การกำกับติดตามและรายงานผล เช่น รายงานในการประชุมประจำเดือน - follow-up".into()),
            ("oit", Value::Empty, "ข้อ OIT ที่มาตรการนี้เป็นหลักฐานเมื่อดำเนินการแล้ว เช่น [O43] - OIT items it is evidence for once done".into()),
            ("date", Value::Empty, format!("วันที่ปรับปรุงล่าสุด เช่น ๑๐ มี.ค. {} หรือ {}-03-10 - last update", yy(fy), thai::be_to_ce(fy))),
            ("attachments", Value::Empty, "ไฟล์แนบใน content/files/ เช่น [files/report.pdf] - attachments".into()),
        ]
    }
}

/// A Buddhist Era year as a clerk abbreviates it in Thai digits: 2569 -> ๖๙.
fn short_year(year: i32) -> String {
    thai::to_thai_digits(&format!("{:02}", year.rem_euclid(100)))
}

/// A key's value in a draft: none yet, one scalar (already YAML), or a block list.
enum Value {
    Empty,
    One(String),
    List(Vec<String>),
}

impl From<Option<String>> for Value {
    fn from(v: Option<String>) -> Value {
        v.map_or(Value::Empty, Value::One)
    }
}

const SITE_YAML: &str = r#"# site.yaml: ข้อมูลหน่วยงาน - who the site is for
name: องค์การบริหารส่วนตำบลตัวอย่าง      # ชื่อเต็ม - full Thai name
short_name: อบต.ตัวอย่าง               # ชื่อย่อ - short name
type: อบต.                            # อบต. / เทศบาลตำบล / เทศบาลเมือง ...
district: เมือง                        # อำเภอ
province: ขอนแก่น                      # จังหวัด
fiscal_year: {FY}                      # ปีงบประมาณที่รายงาน (พ.ศ.)
base_url: https://example.go.th/ita/   # ที่อยู่เว็บไซต์เมื่อเผยแพร่ - public address
language: th
digits: thai                           # thai = ๑๒๓, arabic = 123
contact:
  address: "ที่ทำการ อบต.ตัวอย่าง"
  phone: "0 4300 0000"
  email: "saraban@example.go.th"
  # website: https://www.example.go.th/  # เว็บไซต์หลักของหน่วยงาน (ลิงก์กลับจากหัวเว็บ) - main website
# logo: logo.png                       # ตราหน่วยงาน วางไฟล์ไว้ที่ static/logo.png - logo in static/
# report:                              # ผู้ลงนามท้ายรายงานผล - who signs the annual report
#   reporter: { name: "นางสาวสมใจ ใจดี", position: "นักวิเคราะห์นโยบายและแผน" }   # ผู้รายงาน
#   approver: { name: "นายสมชาย รักษ์ดี", position: "นายก อบต.ตัวอย่าง" }        # ผู้รับรอง
"#;

const ABOUT: &str = "---\ntitle: เกี่ยวกับหน่วยงาน\nmenu: true\noit: [O1, O3]\n---\n\nข้อมูลหน่วยงาน โครงสร้าง และอำนาจหน้าที่\n";

const HOWTO: &str = "# วิธีใช้ / How to use\n\n\
- แก้ไขข้อมูลหน่วยงานใน `site.yaml` / Edit `site.yaml` with your organisation.\n\
- หนึ่งมาตรการต่อหนึ่งไฟล์ใน `content/measures/` / One file per measure in `content/measures/`.\n\
  เพิ่มมาตรการใหม่ด้วย / add one with: `prongsai new measure \"ชื่อมาตรการ\"`. ช่องที่ว่างไว้ \
  (คะแนน ผล วันที่ ข้อ OIT) ให้กรอกเมื่อทราบ: `prongsai check` บอกช่องที่ยังไม่ได้กรอก / fill in the keys \
  left empty (score, results, date, OIT items) when you know them: `prongsai check` lists those not filled in.\n\
- ทุกวันที่ ๑ ตุลาคม เมื่อเริ่มปีงบประมาณใหม่ / every 1 October, when a fiscal year starts: \
  `prongsai new year {NEXT}` เปลี่ยน `fiscal_year` ใน `site.yaml` และคัดลอกมาตรการของปีที่แล้วเป็นร่างของปีใหม่ \
  (แผนเดิม ผลและคะแนนว่างไว้ให้กรอก ไฟล์ของปีที่แล้วไม่ถูกแก้ไข) / sets `fiscal_year` in `site.yaml` and carries \
  last year's measures over as drafts of the new year (same plan; results and scores left to fill in; last \
  year's files are not changed). `--no-carry`: เปลี่ยนเฉพาะปี / only change the year.\n\
- หน้าอื่น ๆ ใน `content/pages/` / Other pages in `content/pages/`.\n\
- หลักฐานแบบตรวจ OIT ที่อยู่นอกเว็บไซต์นี้ใน `content/disclosures.yaml`; หน้าในเว็บไซต์ระบุ `oit: [O1]` \
  ใน front matter / OIT evidence that lives elsewhere goes in `content/disclosures.yaml`; a page of this \
  site claims items with `oit: [O1]`. The checklist is `oit/` on the built site.\n\
- ตรวจสอบไฟล์ / check the files: `prongsai check` (`--strict`: หลักฐาน OIT ที่ลงวันที่นอกปีงบประมาณถือเป็นข้อผิดพลาด \
  / also fail on OIT evidence dated outside its fiscal year)\n\
- สร้างเว็บไซต์ลงโฟลเดอร์ `public/` / build the site into `public/`: `prongsai build`\n\
- อัปโหลดเนื้อหาในโฟลเดอร์ `public/` ขึ้นเว็บไซต์ / upload what is inside `public/` to the web host.\n";

const DISCLOSURES: &str = "\
# หลักฐานการเปิดเผยข้อมูลตามแบบตรวจ OIT ที่อยู่นอกเว็บไซต์นี้
# Evidence for OIT items that lives outside this site's pages, one item code per block.
# ลบเครื่องหมาย # หน้าบรรทัดตัวอย่างแล้วแก้ไข / remove the # before the example lines and edit them.
#
# O1:                                    # รหัสข้อ / item code
#   - url: https://www.example.go.th/structure.php   # ที่อยู่เอกสาร หรือ path ในเว็บนี้ (files/x.pdf)
#     title: แผนผังโครงสร้างองค์กร        # ชื่อเอกสาร / what the link says
#     date: ๓ ต.ค. {YY}                     # วันที่ของเอกสาร / date of the document
#     path: หน้าหลัก > ข้อมูลหน่วยงาน > โครงสร้าง   # วิธีเข้าถึงจากหน้าแรก / how to reach it
";

/// Creates a new site in `dir` (which must be empty or missing) reporting on `fiscal_year`;
/// returns the files written.
pub fn init(dir: &Path, fiscal_year: i32) -> io::Result<Vec<PathBuf>> {
    if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            t!("scaffold-not-empty", folder = dir.display().to_string()),
        ));
    }
    // The example measure names an indicator, so the new site builds; what only the clerk knows
    // is left empty, as in `new measure`.
    let example = Draft {
        assessment: Some(Assessment::IIT),
        indicator: Some(4),
        ..Draft::new("มาตรการตัวอย่าง", fiscal_year)
    };
    let yy = short_year(fiscal_year - 1);
    let files = [
        (
            dir.join("site.yaml"),
            SITE_YAML.replace("{FY}", &fiscal_year.to_string()),
        ),
        (dir.join("content/measures/measure-1.md"), example.render()),
        (dir.join("content/pages/about.md"), ABOUT.to_string()),
        (
            dir.join("content/disclosures.yaml"),
            DISCLOSURES.replace("{YY}", &yy),
        ),
        (
            dir.join("HOWTO.md"),
            HOWTO.replace("{NEXT}", &(fiscal_year + 1).to_string()),
        ),
        (
            dir.join(".gitignore"),
            "/public\n/.public.prongsai*\n/.prongsai.lock\n".to_string(),
        ),
    ];
    for (path, text) in &files {
        std::fs::create_dir_all(path.parent().unwrap_or(dir))?;
        std::fs::write(path, text)?;
    }
    std::fs::create_dir_all(dir.join("content/files"))?;
    Ok(files.into_iter().map(|(p, _)| p).collect())
}

/// Writes `content/measures/<name>.md` for a new measure; `name` defaults to the next free `measure-N`.
pub fn new_measure(
    root: &Path,
    title: &str,
    name: Option<&str>,
    fiscal_year: i32,
) -> io::Result<PathBuf> {
    let dir = root.join("content/measures");
    std::fs::create_dir_all(&dir)?;
    let path = match name {
        Some(n) => dir.join(format!("{}.md", n.trim_end_matches(".md"))),
        None => (1..)
            .map(|i| dir.join(format!("measure-{i}.md")))
            .find(|p| !p.exists())
            .expect("an unused number exists"),
    };
    if path.exists() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            t!("scaffold-exists", path = path.display().to_string()),
        ));
    }
    std::fs::write(&path, Draft::new(title, fiscal_year).render())?;
    Ok(path)
}

/// What `new year` did: the fiscal year it left and started, and the drafts it wrote.
#[derive(Debug)]
pub struct NewYear {
    pub from: i32,
    pub to: i32,
    /// The drafts, relative to the site folder.
    pub drafts: Vec<PathBuf>,
}

/// Why `new year` wrote nothing.
#[derive(Debug)]
pub enum Refused {
    /// The site's files have errors to fix first (exit 1).
    Files(Findings),
    /// The command cannot run: no site, a year it will not start, a draft already there (exit 2).
    Io(io::Error),
}

impl From<io::Error> for Refused {
    fn from(e: io::Error) -> Refused {
        Refused::Io(e)
    }
}

/// `prongsai new year YEAR`: sets site.yaml's `fiscal_year` to `year` (that one value, the rest
/// byte for byte) and, with `carry`, writes a draft of `year` beside each measure of the current
/// year (see [`Draft::carried`]). Last year's files are not touched. Nothing is written unless
/// everything can be: the site must load without errors, `year` must be the next one (or later,
/// with `force`), and no draft may exist yet.
pub fn new_year(root: &Path, year: i32, force: bool, carry: bool) -> Result<NewYear, Refused> {
    site::require_site(root)?;
    let (site, findings) = site::load(root, None);
    let site = match site {
        Some(s) if !findings.has_errors() => s,
        _ => return Err(Refused::Files(findings)),
    };
    let from = site.config.fiscal_year;
    check_next_year(from, year, force)?;
    let current: Vec<&Measure> = site
        .measures
        .iter()
        .map(|m| &**m)
        .filter(|m| m.fiscal_year == from)
        .collect();
    let unyeared = year_from_site_yaml(root, &current, from, year);
    if !unyeared.is_empty() {
        return Err(Refused::Files(unyeared));
    }
    let config_path = root.join("site.yaml");
    let config = set_fiscal_year(&std::fs::read_to_string(&config_path)?, year)?;
    let mut drafts: Vec<(PathBuf, String)> = Vec::new();
    for m in current.iter().filter(|_| carry) {
        let rel = draft_path(&m.source, from, year);
        if root.join(&rel).exists() || drafts.iter().any(|(p, _)| *p == rel) {
            return Err(Refused::Io(io::Error::new(
                io::ErrorKind::AlreadyExists,
                t!("scaffold-draft-exists", path = rel.display().to_string()),
            )));
        }
        drafts.push((rel, Draft::carried(m, year).render()));
    }
    for (rel, text) in &drafts {
        std::fs::write(root.join(rel), text)?;
    }
    std::fs::write(&config_path, config)?;
    Ok(NewYear {
        from,
        to: year,
        drafts: drafts.into_iter().map(|(p, _)| p).collect(),
    })
}

/// Refuses a year that is not after `from`, and one that skips a year unless `force`.
fn check_next_year(from: i32, year: i32, force: bool) -> io::Result<()> {
    let refuse = |msg: String| Err(io::Error::new(io::ErrorKind::InvalidInput, msg));
    if !thai::BE_YEARS.contains(&year) {
        return refuse(t!("scaffold-not-a-year", year = year, next = from + 1));
    }
    if year <= from {
        return refuse(t!("scaffold-year-not-after", from = from, next = from + 1));
    }
    if year > from + 1 && !force {
        return refuse(t!("scaffold-year-skips", year = year, next = from + 1));
    }
    Ok(())
}

/// An error for each measure of `from` whose file has no `fiscal_year:`: it takes site.yaml's
/// year, so once that changes it would silently move into `year`.
fn year_from_site_yaml(root: &Path, measures: &[&Measure], from: i32, year: i32) -> Findings {
    let mut findings = Findings::default();
    for m in measures
        .iter()
        .filter(|m| crate::content::locate(root, &m.source, "fiscal_year", None).is_none())
    {
        findings.push(
            Finding::error(
                &m.source,
                t!("scaffold-year-from-site-yaml", from = from, year = year),
            )
            .help(t!("scaffold-year-from-site-yaml.help", from = from)),
        );
    }
    findings
}

/// `site.yaml`'s text with its top-level `fiscal_year` value replaced by `year`, every other byte
/// as it was; refused when the result would not read as `year`.
fn set_fiscal_year(text: &str, year: i32) -> io::Result<String> {
    let edited = yaml::find_key(text, 0, "fiscal_year")
        .filter(|k| k.value.1 > 0)
        .map(|k| {
            let (off, len) = k.value;
            format!("{}{year}{}", &text[..off], &text[off + len..])
        });
    let reads = |t: &String| {
        yaml::parse(yaml::FileKind::Site, t).is_ok_and(|v| {
            v.get("fiscal_year").and_then(serde_yaml::Value::as_i64) == Some(i64::from(year))
        })
    };
    edited.filter(reads).ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            t!("scaffold-no-fiscal-year-line", year = year),
        )
    })
}

/// Where the draft of the measure in `source` goes: beside it, named with the new year
/// (`iit-x.md` -> `iit-x-2570.md`; `iit-x-2569.md` -> `iit-x-2570.md`).
pub fn draft_path(source: &str, from: i32, to: i32) -> PathBuf {
    let path = Path::new(source);
    let stem = path
        .file_stem()
        .map_or(String::new(), |s| s.to_string_lossy().into_owned());
    let stem = stem.strip_suffix(&format!("-{from}")).unwrap_or(&stem);
    path.with_file_name(format!("{stem}-{to}.md"))
}

impl NewYear {
    /// What was done and what to do next, for the clerk: one line each.
    pub fn summary(&self) -> String {
        let (from, to) = (self.from, self.to);
        let mut lines = vec![
            t!("scaffold-year-set", from = from, to = to),
            t!("scaffold-year-started", to = to),
        ];
        for d in &self.drafts {
            lines.push(t!("scaffold-wrote-draft", path = d.display().to_string()));
        }
        if self.drafts.is_empty() {
            lines.push(t!("scaffold-nothing-carried", from = from));
            lines.push(t!("scaffold-next-new-measure", to = to));
        } else {
            let count = self.drafts.len();
            lines.push(t!("scaffold-carried", count = count, from = from, to = to));
            lines.push(t!("scaffold-next-drafts", to = to));
        }
        lines.push(t!("scaffold-evidence-empty", to = to));
        lines.iter().map(|l| format!("{l}\n")).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::content::{self, Kind};
    use crate::measure::{self, Doc, Status};

    /// `text` read as the measure content/measures/a.md of a site in fiscal year 2569.
    fn parse(text: &str) -> (Option<Measure>, Vec<Finding>) {
        let file =
            content::from_bytes("content/measures/a.md", "a", Kind::Measure, text.as_bytes())
                .unwrap();
        let config = Config {
            fiscal_year: 2569,
            ..Config::default()
        };
        let (doc, findings) = measure::parse(&file, &config, Path::new("."));
        let m = doc.and_then(|d| match d {
            Doc::Measure(m) => Some(*m),
            Doc::Page(_) => None,
        });
        (m, findings)
    }

    // A draft is named for its new year, replacing the old year's suffix when it has one.
    #[test]
    fn drafts_are_named_for_the_new_year() {
        let name = |s| draft_path(s, 2569, 2570);
        assert_eq!(
            name("content/measures/iit-x.md"),
            Path::new("content/measures/iit-x-2570.md")
        );
        assert_eq!(
            name("content/measures/a/iit-2569.md"),
            Path::new("content/measures/a/iit-2570.md")
        );
        assert_eq!(
            name("content/measures/iit-2568.md"),
            Path::new("content/measures/iit-2568-2570.md")
        );
    }

    // Only the value of `fiscal_year` changes in site.yaml: comments, spacing and line ends stay.
    #[test]
    fn site_yaml_keeps_every_byte_but_the_year() {
        let text = "# อบต.\r\nname: x\r\nfiscal_year: 2569      # ปีงบประมาณ\r\ncontact:\r\n  fiscal_year: 1\r\n";
        assert_eq!(
            set_fiscal_year(text, 2570).unwrap(),
            text.replacen("2569", "2570", 1)
        );
        assert!(set_fiscal_year("name: x\n", 2570).is_err());
        assert!(set_fiscal_year("{name: x, fiscal_year: 2569}\n", 2570).is_err());
    }

    // A new year comes after the current one; skipping one takes --force; a CE year is refused.
    #[test]
    fn only_the_next_year_starts_without_force() {
        assert!(check_next_year(2569, 2570, false).is_ok());
        assert!(check_next_year(2569, 2572, true).is_ok());
        let err = |y, force| check_next_year(2569, y, force).unwrap_err().to_string();
        assert!(err(2569, true).contains("already at fiscal year 2569"));
        assert!(err(2568, false).contains("e.g. `prongsai new year 2570`"));
        assert!(err(2571, false).contains("add --force"));
        assert!(err(2026, true).contains("not a Buddhist Era year"));
    }

    // A new measure names only its title and year: every other key reads as not written, the
    // two required ones as errors at their own lines.
    #[test]
    fn a_new_measure_holds_no_made_up_value() {
        let text = Draft::new("การเปิดเผยข้อมูล", 2570).render();
        let (m, findings) = parse(&text);
        assert!(m.is_none(), "no assessment or indicator yet");
        let errors: Vec<_> = findings
            .iter()
            .filter(|f| f.severity == crate::diag::Severity::Error)
            .map(|f| f.message.as_str())
            .collect();
        assert_eq!(
            errors,
            [
                "`assessment` is not filled in",
                "`indicator` is not filled in"
            ]
        );
        assert_eq!(findings.len(), 2 + 9, "{findings:#?}");
        assert!(text.contains("\nfiscal_year: 2570 "));
        assert!(
            text.contains("ต.ค. ๖๙ - ก.ย. ๗๐"),
            "the example period is the draft's year"
        );
    }

    // A carried-over draft reads back as last year's plan in the new year, not done, with
    // nothing of last year's outcome but comments, whatever its texts hold.
    #[test]
    fn a_carried_draft_reads_back_as_last_years_plan() {
        let mut old = Measure::sample(4, 95.6);
        old.title = "ชื่อ \"ยาก\" \\ # ไม่ใช่หมายเหตุ: จริง".into();
        old.fiscal_year = 2569;
        old.methods = vec!["- ขั้นแรก".into(), "[ขั้นสอง]".into()];
        old.responsible = vec!["กองคลัง".into()];
        old.follow_up = Some("รายงาน: ทุกเดือน".into());
        old.target = 90.0;
        old.results = vec!["ทำแล้ว".into()];
        old.oit = vec!["O43".into()];
        old.period = Some("ก.พ. - มี.ค. ๖๙".into());
        let text = Draft::carried(&old, 2570).render();
        let (m, findings) = parse(&text);
        let m = m.unwrap_or_else(|| panic!("{findings:#?}\n{text}"));
        assert_eq!(
            (&m.title, &m.methods, &m.responsible, &m.follow_up),
            (&old.title, &old.methods, &old.responsible, &old.follow_up)
        );
        assert_eq!(
            (m.assessment, m.indicator, m.target),
            (old.assessment, 4, 90.0)
        );
        assert_eq!((m.fiscal_year, m.status), (2570, Status::NotDone));
        assert_eq!((m.score, &m.period, m.date), (None, &None, None));
        assert!(m.results.is_empty() && m.oit.is_empty() && m.attachments.is_empty());
        assert!(text.contains("\nscore:") && text.contains("  # ปี 2569 / in 2569: 95.60\n"));
        assert!(
            findings
                .iter()
                .all(|f| f.severity == crate::diag::Severity::Warning)
        );
    }
}
