//! What the program says, in Thai and English.
//!
//! Every message lives in a Fluent file under `i18n/<lang>/`, one file per part of the program,
//! compiled in with `include_str!`; code names a message by its id with [`t!`](crate::t). The
//! language is chosen once, at start ([`set`]): `--lang`, `PRONGSAI_LANG`, else the system's
//! locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, then Windows' user locale): Thai when it is Thai,
//! English otherwise. The library speaks English until told otherwise, so its tests read the same
//! on every machine. A test checks both languages hold the same ids with the same placeholders.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

/// A language the program speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Th,
}

impl Lang {
    /// The language a locale name means: `th`, `th_TH.UTF-8`, `th-TH`, `Thai_Thailand.874` are
    /// Thai; anything else (and `C`, `POSIX`) is English.
    pub fn of_locale(name: &str) -> Lang {
        let name = name.trim().to_ascii_lowercase();
        if name == "th"
            || name.starts_with("th_")
            || name.starts_with("th-")
            || name.starts_with("th.")
            || name.starts_with("thai")
        {
            Lang::Th
        } else {
            Lang::En
        }
    }

    /// The language `--lang`/`PRONGSAI_LANG` names (`th`, `en`, or a locale name).
    pub fn parse(name: &str) -> Option<Lang> {
        let lower = name.trim().to_ascii_lowercase();
        if lower.starts_with("en") || lower == "c" || lower == "posix" {
            Some(Lang::En)
        } else if Lang::of_locale(&lower) == Lang::Th {
            Some(Lang::Th)
        } else {
            None
        }
    }

    /// The system's language: the first set of `LC_ALL`, `LC_MESSAGES`, `LANG` (POSIX order),
    /// else the user's locale as the system reports it (Windows' regional setting).
    pub fn of_system() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
            .or_else(sys_locale::get_locale)
            .map_or(Lang::En, |l| Lang::of_locale(&l))
    }

    fn index(self) -> usize {
        self as usize
    }
}

static LANG: OnceLock<Lang> = OnceLock::new();

/// Chooses the language for the rest of the run; the first call wins.
pub fn set(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language messages come in: the one [`set`] chose, else English.
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or(Lang::En)
}

/// The Fluent files: (name, English, Thai). A new file is a line here and a file in each folder.
const FILES: &[(&str, &str, &str)] = &[
    // Words shared by every command.
    (
        "common",
        include_str!("../i18n/en/common.ftl"),
        include_str!("../i18n/th/common.ftl"),
    ),
    // `main`: help, the commands' own lines.
    (
        "cli",
        include_str!("../i18n/en/cli.ftl"),
        include_str!("../i18n/th/cli.ftl"),
    ),
    // `content`, `yaml`, `portable`, `markdown`: reading the files.
    (
        "content",
        include_str!("../i18n/en/content.ftl"),
        include_str!("../i18n/th/content.ftl"),
    ),
    // `measure`, `config`: front matter and site.yaml.
    (
        "measure",
        include_str!("../i18n/en/measure.ftl"),
        include_str!("../i18n/th/measure.ftl"),
    ),
    // `oit`: criteria, evidence, scores.
    (
        "oit",
        include_str!("../i18n/en/oit.ftl"),
        include_str!("../i18n/th/oit.ftl"),
    ),
    // `site`, `output`, `render`, `opendata`, `diag`: the build.
    (
        "build",
        include_str!("../i18n/en/build.ftl"),
        include_str!("../i18n/th/build.ftl"),
    ),
    // `serve`: the preview.
    (
        "serve",
        include_str!("../i18n/en/serve.ftl"),
        include_str!("../i18n/th/serve.ftl"),
    ),
    // `publish`: the upload.
    (
        "publish",
        include_str!("../i18n/en/publish.ftl"),
        include_str!("../i18n/th/publish.ftl"),
    ),
    // `scaffold`: init, new measure, new year, criteria.
    (
        "scaffold",
        include_str!("../i18n/en/scaffold.ftl"),
        include_str!("../i18n/th/scaffold.ftl"),
    ),
];

type Bundle = FluentBundle<FluentResource>;

/// One bundle per language, each holding every file.
fn bundles() -> &'static [Bundle; 2] {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        let make = |lang: Lang, tag: &str| {
            let mut bundle = FluentBundle::new_concurrent(vec![tag.parse().expect("language tag")]);
            // Fluent wraps each placeable in invisible direction marks by default; a terminal shows
            // them as garbage and they would break copying a path out of a message.
            bundle.set_use_isolating(false);
            for (name, en, th) in FILES {
                let text = if lang == Lang::Th { th } else { en };
                let resource = FluentResource::try_new(text.to_string())
                    .unwrap_or_else(|(_, e)| panic!("i18n/{tag}/{name}.ftl: {e:?}"));
                bundle
                    .add_resource(resource)
                    .unwrap_or_else(|e| panic!("i18n/{tag}/{name}.ftl: {e:?}"));
            }
            bundle
        };
        [make(Lang::En, "en"), make(Lang::Th, "th")]
    })
}

/// Message `id` (or `id.attribute`) in the current language with `args`; English when the Thai
/// is missing, the id itself when both are (the unit tests make sure neither happens).
pub fn text(id: &str, args: Option<&FluentArgs>) -> String {
    text_in(lang(), id, args)
}

/// [`text`] in a given language.
pub fn text_in(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let bundles = bundles();
    [lang, Lang::En]
        .iter()
        .find_map(|l| format(&bundles[l.index()], id, args))
        .unwrap_or_else(|| id.to_string())
}

fn format(bundle: &Bundle, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let (message, attribute) = match id.split_once('.') {
        Some((m, a)) => (m, Some(a)),
        None => (id, None),
    };
    let message = bundle.get_message(message)?;
    let pattern = match attribute {
        Some(a) => message.get_attribute(a)?.value(),
        None => message.value()?,
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    debug_assert!(errors.is_empty(), "{id}: {errors:?}");
    Some(text.into_owned())
}

/// A message in the current language: `t!("id")`, `t!("id.help")`, `t!("id", line = 16, file = name)`.
/// Values are anything Fluent takes (strings, numbers); a path is passed as its display string.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::text($id, None)
    };
    ($id:literal, $($key:ident = $value:expr),+ $(,)?) => {{
        let mut args = ::fluent_bundle::FluentArgs::new();
        $(args.set(stringify!($key), $value);)+
        $crate::i18n::text($id, Some(&args))
    }};
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;

    use super::*;

    /// Every message and attribute of one language, each with the variables it uses.
    fn catalogue(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
        let mut all = BTreeMap::new();
        for (name, en, th) in FILES {
            let text = if lang == Lang::Th { th } else { en };
            let resource = fluent_syntax::parser::parse(*text)
                .unwrap_or_else(|(_, e)| panic!("{name}.ftl ({lang:?}) does not parse: {e:?}"));
            for entry in resource.body {
                let ast::Entry::Message(m) = entry else {
                    continue;
                };
                let id = m.id.name.to_string();
                if let Some(value) = &m.value {
                    let prior = all.insert(id.clone(), variables(value));
                    assert!(prior.is_none(), "{id} twice in {lang:?}");
                }
                for a in &m.attributes {
                    all.insert(format!("{id}.{}", a.id.name), variables(&a.value));
                }
            }
        }
        all
    }

    fn variables(pattern: &ast::Pattern<&str>) -> BTreeSet<String> {
        let mut found = BTreeSet::new();
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_variables(expression, &mut found);
            }
        }
        found
    }

    fn expression_variables(e: &ast::Expression<&str>, found: &mut BTreeSet<String>) {
        let inline = |i: &ast::InlineExpression<&str>, found: &mut BTreeSet<String>| match i {
            ast::InlineExpression::VariableReference { id } => {
                found.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => {
                expression_variables(expression, found)
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for p in &arguments.positional {
                    if let ast::InlineExpression::VariableReference { id } = p {
                        found.insert(id.name.to_string());
                    }
                }
            }
            _ => {}
        };
        match e {
            ast::Expression::Inline(i) => inline(i, found),
            ast::Expression::Select { selector, variants } => {
                inline(selector, found);
                for v in variants {
                    found.extend(variables(&v.value));
                }
            }
        }
    }

    #[test]
    fn both_languages_hold_the_same_messages_with_the_same_placeholders() {
        let (en, th) = (catalogue(Lang::En), catalogue(Lang::Th));
        let only_en: Vec<_> = en.keys().filter(|k| !th.contains_key(*k)).collect();
        let only_th: Vec<_> = th.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(only_en.is_empty(), "no Thai for: {only_en:?}");
        assert!(only_th.is_empty(), "no English for: {only_th:?}");
        for (id, vars) in &en {
            assert_eq!(
                vars, &th[id],
                "{id}: the placeholders differ between English and Thai"
            );
        }
    }

    /// Every `t!("id")` in the source names a message that exists, and every message is used.
    #[test]
    fn every_message_the_code_names_exists_and_every_message_is_used() {
        let en = catalogue(Lang::En);
        let mut used = BTreeSet::new();
        let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        for entry in walkdir::WalkDir::new(src) {
            let entry = entry.unwrap();
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("i18n.rs") {
                continue;
            }
            let code = std::fs::read_to_string(path).unwrap();
            for (i, _) in code.match_indices("t!(") {
                // `print!(` and `eprint!(` end the same way.
                let before = code[..i].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                if let Some(rest) = code[i + 3..].trim_start().strip_prefix('"') {
                    used.insert(rest[..rest.find('"').unwrap_or(0)].to_string());
                }
            }
            // Ids built at run time are listed in the code as `// i18n: id id ...` lines.
            for line in code.lines() {
                if let Some(ids) = line.trim().strip_prefix("// i18n: ") {
                    used.extend(ids.split_whitespace().map(str::to_string));
                }
            }
        }
        let unknown: Vec<_> = used.iter().filter(|id| !en.contains_key(*id)).collect();
        assert!(
            unknown.is_empty(),
            "the code names messages no .ftl holds: {unknown:?}"
        );
        let unused: Vec<_> = en.keys().filter(|id| !used.contains(*id)).collect();
        assert!(unused.is_empty(), "messages no code uses: {unused:?}");
    }

    #[test]
    fn locale_names_choose_the_language() {
        for th in ["th", "th_TH.UTF-8", "th-TH", "TH_th", "Thai_Thailand.874"] {
            assert_eq!(Lang::of_locale(th), Lang::Th, "{th}");
        }
        for en in [
            "C",
            "C.UTF-8",
            "POSIX",
            "en_US.UTF-8",
            "en-GB",
            "de_DE",
            "",
            "theater",
        ] {
            assert_eq!(Lang::of_locale(en), Lang::En, "{en}");
        }
        assert_eq!(Lang::parse("th"), Some(Lang::Th));
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }

    #[test]
    fn messages_come_in_the_chosen_language_with_their_values() {
        let mut args = FluentArgs::new();
        args.set("errors", 2);
        args.set("warnings", 1);
        assert_eq!(
            text_in(Lang::En, "summary", Some(&args)),
            "2 errors, 1 warning"
        );
        assert_eq!(
            text_in(Lang::Th, "summary", Some(&args)),
            "ข้อผิดพลาด 2 รายการ คำเตือน 1 รายการ"
        );
        assert_eq!(
            text_in(Lang::Th, "no-such-message", None),
            "no-such-message"
        );
    }
}
