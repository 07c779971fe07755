//! The command line itself in both languages: clap's help and its errors, Thai under `--lang th`
//! or a Thai locale, English under `LANG=C`.

mod common;

use std::process::{Command, Output};

use common::Locale;

/// Runs `prongsai ARGS` with the locale `lang` and no other language setting.
fn run(lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_prongsai"))
        .args(args)
        .env("NO_COLOR", "1")
        .locale(lang)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The sentences of a help text: each line's text after its column of names, when it has words.
fn sentences(help: &str) -> Vec<String> {
    help.lines()
        .filter_map(|l| l.trim().rsplit("  ").next())
        .map(str::trim)
        .filter(|s| s.contains(' ') && s.chars().any(|c| c.is_ascii_lowercase()))
        .map(str::to_string)
        .collect()
}

const COMMANDS: &[&[&str]] = &[
    &[],
    &["build"],
    &["check"],
    &["serve"],
    &["publish"],
    &["init"],
    &["new"],
    &["new", "measure"],
    &["new", "year"],
    &["criteria"],
];

// `--help` of the program and of every command is Thai under `--lang th` (and a Thai locale):
// clap's headings too, and not one sentence of the English help is left in it.
#[test]
fn help_is_thai_under_a_thai_locale_and_english_under_c() {
    for command in COMMANDS {
        let help = [command, &["--help"][..]].concat();
        let english = run("C.UTF-8", &help);
        let thai = run("C.UTF-8", &[&help[..], &["--lang", "th"]].concat());
        let locale = run("th_TH.UTF-8", &help);
        assert!(
            english.status.success() && thai.status.success(),
            "{command:?}"
        );
        let (english, thai) = (stdout(&english), stdout(&thai));
        assert_eq!(
            thai,
            stdout(&locale),
            "{command:?}: --lang th and LANG=th_TH differ"
        );
        assert!(english.contains("Usage: prongsai"), "{english}");
        assert!(english.contains("Print help"), "{english}");
        assert!(thai.contains("วิธีใช้: prongsai"), "{thai}");
        assert!(thai.contains("แสดงวิธีใช้"), "{thai}");
        for word in [
            "Usage:",
            "Commands:",
            "Options:",
            "Arguments:",
            "Print help",
            "Print version",
            "[default:",
            "[env:",
            "[possible values:",
        ] {
            assert!(!thai.contains(word), "{command:?}: `{word}` in\n{thai}");
        }
        for sentence in sentences(&english) {
            assert!(
                !thai.contains(&sentence),
                "{command:?}: `{sentence}` left in English in\n{thai}"
            );
        }
        for help in [&english, &thai] {
            assert!(!help.contains("cli-"), "a message id shows in\n{help}");
        }
    }
    let thai = stdout(&run("C.UTF-8", &["build", "--help", "--lang", "th"]));
    assert!(thai.contains("สร้างเว็บไซต์ลงโฟลเดอร์ public/"), "{thai}");
    assert!(thai.contains("--no-search"), "{thai}");
    assert!(thai.contains("ตัวเลือก:"), "{thai}");
    let thai = stdout(&run("C.UTF-8", &["new", "year", "--help", "--lang", "th"]));
    assert!(
        thai.contains("ค่าที่ต้องใส่:") && thai.contains("<YEAR>"),
        "{thai}"
    );
    let thai_help = stdout(&run("th_TH.UTF-8", &["help", "new"]));
    assert_eq!(thai_help, stdout(&run("th_TH.UTF-8", &["new", "--help"])));
    assert!(!thai_help.contains("cli-"), "{thai_help}");
    let english = stdout(&run("C.UTF-8", &["build", "--help"]));
    assert!(
        english.contains("Build the site into public/") && english.contains("[default: .]"),
        "{english}"
    );
}

// A command line clap cannot read is told in Thai, with the usage and where to read more; in
// English clap says it; both exit 2.
#[test]
fn a_bad_argument_is_told_in_the_chosen_language() {
    let english = run("C.UTF-8", &["build", "--bogus"]);
    assert_eq!(english.status.code(), Some(2));
    let english = stderr(&english);
    assert!(
        english.contains("error: unexpected argument '--bogus' found"),
        "{english}"
    );
    assert!(english.contains("Usage: prongsai build"), "{english}");

    let thai = run("C.UTF-8", &["build", "--bogus", "--lang", "th"]);
    assert_eq!(thai.status.code(), Some(2));
    assert_eq!(
        stderr(&thai),
        "ข้อผิดพลาด: ไม่รู้จัก `--bogus`\n\nวิธีใช้: prongsai build [OPTIONS]\n\n\
         ดูวิธีใช้ทั้งหมดด้วย `prongsai build --help`\n"
    );

    let thai = stderr(&run("th_TH.UTF-8", &["check", "--format", "xml"]));
    assert!(
        thai.starts_with("ข้อผิดพลาด: ใช้ค่า `xml` กับ `--format <FORMAT>` ไม่ได้\n")
            && thai.contains("ค่าที่ใช้ได้: text, json"),
        "{thai}"
    );
    let thai = stderr(&run("th_TH.UTF-8", &["new", "year"]));
    assert!(thai.contains("ยังไม่ได้ใส่ <YEAR> ซึ่งต้องมี"), "{thai}");
    assert!(thai.contains("`prongsai new year --help`"), "{thai}");
    let thai = stderr(&run("th_TH.UTF-8", &["biuld"]));
    assert!(
        thai.contains("ไม่มีคำสั่ง `biuld`") && thai.contains("หมายถึง `build` หรือไม่"),
        "{thai}"
    );
    for thai in [
        run("th_TH.UTF-8", &["build", "--bogus"]),
        run("th_TH.UTF-8", &["criteria", "3000"]),
        run("th_TH.UTF-8", &["biuld"]),
    ] {
        assert_eq!(thai.status.code(), Some(2));
        for sentence in ["error:", "Usage:", "For more information", "unexpected"] {
            assert!(!stderr(&thai).contains(sentence), "{}", stderr(&thai));
        }
    }
}
