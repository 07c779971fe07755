//! `prongsai init` and `prongsai new measure`: starting files with every field present and explained.

use std::io;
use std::path::{Path, PathBuf};

/// A new measure file with every front-matter field, each explained in Thai and English.
pub fn measure_template(title: &str, fiscal_year: i32) -> String {
    let title = title.replace('"', "'");
    format!(
        r#"---
# ชื่อมาตรการ (required) - the measure's title
title: "{title}"
# ปีงบประมาณ พ.ศ. - Buddhist Era fiscal year (default: fiscal_year in site.yaml)
fiscal_year: {fiscal_year}
# แบบประเมิน: IIT, EIT หรือ OIT (required)
assessment: IIT
# ตัวชี้วัดที่ (required): IIT 1-5, EIT 6-8, OIT 9-10
indicator: 4
# คะแนนปีก่อนของตัวชี้วัดนี้ - last year's score of the indicator (๙๕.๖๐ is fine too)
score: 95.60
# เกณฑ์เป้าหมาย - pass mark (default 85)
target: 85
# วิธีการดำเนินการ - how (one line per step)
methods:
  - "ขั้นตอนที่หนึ่ง"
# ผลการดำเนินการ - results
results:
  - "ผลการดำเนินการ"
# ผู้รับผิดชอบ - responsible units
responsible:
  - "สำนักปลัด"
# ระยะเวลาดำเนินการ - period, as written in the report (e.g. "ก.พ. - มี.ค. ๖๖")
period: "ก.พ. - มี.ค. ๖๖"
# สถานะ: done (ดำเนินการแล้ว), in_progress (อยู่ระหว่างดำเนินการ), not_done (ยังไม่ดำเนินการ)
status: not_done
# กำกับติดตามรายงานความก้าวหน้าและสรุปผล - follow-up
follow_up: "รายงานผลการดำเนินการในการประชุมประจำเดือน"
# ข้อ OIT ที่หน้านี้เป็นหลักฐาน - OIT items this page is evidence for
oit: [O43]
# วันที่ปรับปรุงล่าสุด - last update (2023-03-10 or ๑๐ มี.ค. ๖๖)
date: 2023-03-10
# ไฟล์แนบใน content/files/ - attachments (optional)
attachments: []
---

รายละเอียดของมาตรการ (Markdown): write the details of the measure here.
"#
    )
}

const SITE_YAML: &str = r#"# site.yaml: ข้อมูลหน่วยงาน - who the site is for
name: องค์การบริหารส่วนตำบลตัวอย่าง      # ชื่อเต็ม - full Thai name
short_name: อบต.ตัวอย่าง               # ชื่อย่อ - short name
type: อบต.                            # อบต. / เทศบาลตำบล / เทศบาลเมือง ...
district: เมือง                        # อำเภอ
province: ขอนแก่น                      # จังหวัด
fiscal_year: 2566                      # ปีงบประมาณที่รายงาน (พ.ศ.)
base_url: https://example.go.th/ita/   # ที่อยู่เว็บไซต์เมื่อเผยแพร่ - public address
language: th
digits: thai                           # thai = ๑๒๓, arabic = 123
contact:
  address: "ที่ทำการ อบต.ตัวอย่าง"
  phone: "0 4300 0000"
  email: "saraban@example.go.th"
"#;

const ABOUT: &str =
    "---\ntitle: เกี่ยวกับหน่วยงาน\noit: [O1, O3]\n---\n\nข้อมูลหน่วยงาน โครงสร้าง และอำนาจหน้าที่\n";

const HOWTO: &str = "# วิธีใช้ / How to use\n\n\
- แก้ไขข้อมูลหน่วยงานใน `site.yaml` / Edit `site.yaml` with your organisation.\n\
- หนึ่งมาตรการต่อหนึ่งไฟล์ใน `content/measures/` / One file per measure in `content/measures/`.\n\
  เพิ่มมาตรการใหม่ด้วย / add one with: `prongsai new measure \"ชื่อมาตรการ\"`.\n\
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
#     date: ๓ ต.ค. ๖๕                     # วันที่ของเอกสาร / date of the document
#     path: หน้าหลัก > ข้อมูลหน่วยงาน > โครงสร้าง   # วิธีเข้าถึงจากหน้าแรก / how to reach it
";

/// Creates a new site in `dir` (which must be empty or missing); returns the files written.
pub fn init(dir: &Path) -> io::Result<Vec<PathBuf>> {
    if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} is not empty; choose a new folder", dir.display()),
        ));
    }
    let files = [
        (dir.join("site.yaml"), SITE_YAML.to_string()),
        (
            dir.join("content/measures/measure-1.md"),
            measure_template("มาตรการตัวอย่าง", 2566),
        ),
        (dir.join("content/pages/about.md"), ABOUT.to_string()),
        (
            dir.join("content/disclosures.yaml"),
            DISCLOSURES.to_string(),
        ),
        (dir.join("HOWTO.md"), HOWTO.to_string()),
        (
            dir.join(".gitignore"),
            "/public\n/.public.prongsai\n".to_string(),
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
            format!("{} already exists", path.display()),
        ));
    }
    std::fs::write(&path, measure_template(title, fiscal_year))?;
    Ok(path)
}
