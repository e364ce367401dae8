//! Path classes (`paths:` in `.mrwarden.yml`): which files are **test code** and which
//! are **vendored** (third-party or generated) code. DESIGN.md, which findings gate:
//! vulnerability findings in test code are reported but do not gate; vendored code is
//! scanned for secrets only; secrets are found and gate everywhere.
//!
//! The classes come from three places, in this order of precedence:
//!
//! 1. `.gitattributes` at the repository root (unless `paths.gitattributes: false`):
//!    `linguist-vendored` or `linguist-generated` set on a path makes it vendored;
//!    `-linguist-vendored` or `linguist-vendored=false` makes it *not* vendored whatever
//!    the lists say (as GitHub Linguist reads it). The last matching line wins, as in git.
//! 2. `paths.vendored` and `paths.tests` (gitignore-style globs, as `exclude`).
//! 3. The built-in lists [`BUILTIN_VENDORED`] and [`BUILTIN_TESTS`] (unless
//!    `paths.defaults: false`).
//!
//! A path that is both vendored and test code is vendored. In `review` all of it is
//! read from the target branch at the base commit (`policy::trusted`), so a merge
//! request cannot mark its own code vendored or test.

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde::{Deserialize, Serialize};

use crate::error::Error;

/// The `paths:` section.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PathsConfig {
    /// Test code, besides the built-in list (gitignore-style globs).
    pub tests: Vec<String>,
    /// Vendored code, besides the built-in list (gitignore-style globs).
    pub vendored: Vec<String>,
    /// Whether the built-in lists apply [default: true].
    pub defaults: bool,
    /// Whether `linguist-vendored` / `linguist-generated` in the root `.gitattributes`
    /// apply [default: true].
    pub gitattributes: bool,
}

impl Default for PathsConfig {
    fn default() -> Self {
        PathsConfig {
            tests: Vec::new(),
            vendored: Vec::new(),
            defaults: true,
            gitattributes: true,
        }
    }
}

/// What a path is, when it is not ordinary code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PathClass {
    /// Test code: vulnerability findings are reported but do not gate.
    Test,
    /// Vendored or generated code: scanned for secrets only.
    Vendored,
}

/// Built-in test code globs (gitignore-style: a pattern without `/` matches at any depth;
/// one ending in `/` is a directory at any depth).
pub const BUILTIN_TESTS: &[&str] = &[
    // Directories, at any depth.
    "test/",
    "tests/",
    "testing/",
    "__tests__/",
    "__mocks__/",
    "spec/",
    "specs/",
    "testdata/",
    "test-data/",
    "test_data/",
    "fixtures/",
    "__fixtures__/",
    "e2e/",
    "cypress/",
    "src/test/",
    "src/androidTest/",
    "src/testFixtures/",
    "src/integrationTest/",
    // Python
    "test_*.py",
    "*_test.py",
    "*_tests.py",
    "tests.py",
    "conftest.py",
    // Go
    "*_test.go",
    // JavaScript / TypeScript
    "*.test.{js,jsx,ts,tsx,mjs,cjs,mts,cts}",
    "*.spec.{js,jsx,ts,tsx,mjs,cjs,mts,cts}",
    "*.cy.{js,jsx,ts,tsx}",
    "*.e2e.{js,ts}",
    // Java / Kotlin / Scala / Groovy
    "*Test.{java,kt,scala,groovy}",
    "*Tests.{java,kt,scala,groovy}",
    "*IT.{java,kt}",
    "*Spec.{groovy,scala,kt}",
    // C#
    "*Tests.cs",
    "*Test.cs",
    "*.Tests/",
    "*.UnitTests/",
    "*.IntegrationTests/",
    // Ruby
    "*_spec.rb",
    "*_test.rb",
    // PHP
    "*Test.php",
    // Rust
    "*_test.rs",
    "*_tests.rs",
    // Shell
    "*.bats",
];

/// Built-in vendored globs. `vendor/` is vendored except Go source under it (Go
/// compiles `vendor/` into the binary, so a vulnerability there ships; PHP's Composer,
/// Ruby's Bundler and other package managers' `vendor/` is installed, not authored).
pub const BUILTIN_VENDORED: &[&str] = &[
    "vendor/",
    "third_party/",
    "third-party/",
    "thirdparty/",
    "3rdparty/",
    "node_modules/",
    "bower_components/",
    "jspm_packages/",
    "web_modules/",
    "Pods/",
    "Carthage/",
    "*.min.js",
    "*.min.mjs",
    "*.min.css",
    "*-min.js",
    "*.bundle.js",
    "*-bundle.js",
    "*.bundle.min.js",
    "*.packed.js",
];

/// Built-in globs that are never vendored by [`BUILTIN_VENDORED`] (user globs and
/// `.gitattributes` still can make them so): Go source under `vendor/`.
const BUILTIN_NOT_VENDORED: &[&str] = &["**/vendor/**/*.go"];

/// A `linguist-*` setting of one `.gitattributes` line: set, unset (`-attr` or
/// `attr=false`) or reset to unspecified (`!attr`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Setting {
    Set,
    Unset,
    Unspecified,
}

/// One `.gitattributes` line that says something about `linguist-vendored` or
/// `linguist-generated`.
#[derive(Debug, Clone)]
struct AttrLine {
    glob: globset::GlobMatcher,
    vendored: Option<Setting>,
    generated: Option<Setting>,
}

/// The root `.gitattributes`, reduced to the lines about vendored and generated code.
#[derive(Debug, Clone, Default)]
pub struct Attributes {
    lines: Vec<AttrLine>,
}

impl Attributes {
    /// Parses `.gitattributes` text. Lines git would ignore are skipped: comments,
    /// negative patterns (`!pattern`, forbidden in attributes files), directory patterns
    /// (`dir/`: git never applies them to the files inside; `dir/**` does), macro
    /// definitions (`[attr]name …`; macros are not expanded: a macro that sets a
    /// `linguist-*` attribute does not count). Patterns that do not compile are skipped.
    pub fn parse(text: &str) -> Attributes {
        let lines = text.lines().filter_map(parse_line).collect();
        Attributes { lines }
    }

    /// Whether the file is vendored (`Some(true)`), explicitly not vendored
    /// (`Some(false)`), or neither, by the last line that says so.
    fn vendored(&self, path: &str) -> Option<bool> {
        let mut vendored = None;
        let mut generated = None;
        for l in self.lines.iter().filter(|l| l.glob.is_match(path)) {
            vendored = l.vendored.or(vendored);
            generated = l.generated.or(generated);
        }
        match (vendored, generated) {
            (Some(Setting::Set), _) | (_, Some(Setting::Set)) => Some(true),
            (Some(Setting::Unset), _) => Some(false),
            _ => None,
        }
    }

    /// Whether no line says anything about vendored or generated code.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

/// One `.gitattributes` line, if it is about `linguist-vendored`/`linguist-generated`.
fn parse_line(line: &str) -> Option<AttrLine> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') || line.starts_with("[attr]") {
        return None;
    }
    let (pattern, rest) = split_pattern(line)?;
    if pattern.starts_with('!') || pattern.ends_with('/') || pattern.is_empty() {
        return None;
    }
    let mut vendored = None;
    let mut generated = None;
    for attr in rest.split_whitespace() {
        let (name, setting) = attr_setting(attr);
        match name {
            "linguist-vendored" => vendored = Some(setting),
            "linguist-generated" => generated = Some(setting),
            _ => {}
        }
    }
    if vendored.is_none() && generated.is_none() {
        return None;
    }
    let glob = attr_glob(&pattern)?;
    Some(AttrLine {
        glob,
        vendored,
        generated,
    })
}

/// The pattern (unquoted when it is in double quotes) and the attributes after it.
fn split_pattern(line: &str) -> Option<(String, &str)> {
    if let Some(rest) = line.strip_prefix('"') {
        let end = rest.find('"')?;
        return Some((rest[..end].replace("\\ ", " "), &rest[end + 1..]));
    }
    let end = line.find([' ', '\t']).unwrap_or(line.len());
    Some((line[..end].to_string(), &line[end..]))
}

/// An attribute token's name and setting: `attr`, `attr=true` set; `-attr`,
/// `attr=false` unset; `!attr` unspecified. Any other value counts as set (git
/// treats `attr=value` as set to a value; Linguist reads only `false` as off).
fn attr_setting(token: &str) -> (&str, Setting) {
    if let Some(name) = token.strip_prefix('-') {
        return (name, Setting::Unset);
    }
    if let Some(name) = token.strip_prefix('!') {
        return (name, Setting::Unspecified);
    }
    match token.split_once('=') {
        Some((name, "false")) => (name, Setting::Unset),
        Some((name, _)) => (name, Setting::Set),
        None => (token, Setting::Set),
    }
}

/// A `.gitattributes` pattern as git reads it: without a `/` it matches the name at any
/// depth; with one it is anchored at the root; `*` stops at `/`, `**` does not.
fn attr_glob(pattern: &str) -> Option<globset::GlobMatcher> {
    let full = if pattern.contains('/') {
        pattern.trim_start_matches('/').to_string()
    } else {
        format!("**/{pattern}")
    };
    GlobBuilder::new(&full)
        .literal_separator(true)
        .build()
        .ok()
        .map(|g| g.compile_matcher())
}

/// Gitignore-style globs, as `exclude` reads them: a pattern without a `/` inside, or
/// ending in `/`, matches at any depth; one with a `/` inside, or starting with `/`, is
/// anchored at the root; a directory matches everything under it. `what` names the key
/// in errors (`exclude`, `paths.tests`, …).
pub fn glob_set(what: &str, patterns: &[String]) -> Result<GlobSet, Error> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        let base = p.trim_start_matches('/').trim_end_matches('/');
        let anchored = p.starts_with('/') || base.starts_with("**/");
        let full = if !anchored && (p.ends_with('/') || !base.contains('/')) {
            format!("**/{base}")
        } else {
            base.to_string()
        };
        for g in [full.clone(), format!("{full}/**")] {
            let glob = GlobBuilder::new(&g)
                .literal_separator(true)
                .build()
                .map_err(|e| Error::Config(format!("{what} pattern {p:?}: {e}")))?;
            b.add(glob);
        }
    }
    b.build()
        .map_err(|e| Error::Config(format!("{what} patterns: {e}")))
}

fn owned(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_string()).collect()
}

/// The compiled path classes of one run.
#[derive(Debug, Clone)]
pub struct PathClasses {
    tests: GlobSet,
    vendored: GlobSet,
    builtin_tests: GlobSet,
    builtin_vendored: GlobSet,
    builtin_not_vendored: GlobSet,
    defaults: bool,
    attributes: Attributes,
}

impl Default for PathClasses {
    /// The built-in lists only (no configuration, no `.gitattributes`).
    fn default() -> Self {
        PathClasses::new(&PathsConfig::default(), None).unwrap_or_else(|_| PathClasses::none())
    }
}

impl PathClasses {
    /// Compiles `config`'s globs and, if it honours them, the `.gitattributes` text.
    pub fn new(config: &PathsConfig, gitattributes: Option<&str>) -> Result<Self, Error> {
        let attributes = match gitattributes {
            Some(text) if config.gitattributes => Attributes::parse(text),
            _ => Attributes::default(),
        };
        Ok(PathClasses {
            tests: glob_set("paths.tests", &config.tests)?,
            vendored: glob_set("paths.vendored", &config.vendored)?,
            builtin_tests: glob_set("built-in test", &owned(BUILTIN_TESTS))?,
            builtin_vendored: glob_set("built-in vendored", &owned(BUILTIN_VENDORED))?,
            builtin_not_vendored: glob_set("built-in", &owned(BUILTIN_NOT_VENDORED))?,
            defaults: config.defaults,
            attributes,
        })
    }

    /// No class for any path.
    pub fn none() -> Self {
        PathClasses {
            tests: GlobSet::empty(),
            vendored: GlobSet::empty(),
            builtin_tests: GlobSet::empty(),
            builtin_vendored: GlobSet::empty(),
            builtin_not_vendored: GlobSet::empty(),
            defaults: false,
            attributes: Attributes::default(),
        }
    }

    /// The class of a repository path, if any (vendored before test).
    pub fn classify(&self, path: &str) -> Option<PathClass> {
        let by_attributes = self.attributes.vendored(path);
        let vendored = match by_attributes {
            Some(v) => v,
            None => {
                self.vendored.is_match(path)
                    || self.defaults
                        && self.builtin_vendored.is_match(path)
                        && !self.builtin_not_vendored.is_match(path)
            }
        };
        if vendored {
            return Some(PathClass::Vendored);
        }
        let test = self.tests.is_match(path) || self.defaults && self.builtin_tests.is_match(path);
        test.then_some(PathClass::Test)
    }
}

/// Whether a `.gitattributes` line speaks about the attributes that decide path classes
/// (`linguist-vendored`, `linguist-generated`) or GitLab's `gitlab-generated` (which
/// makes GitLab mark a file generated in the diff it returns).
pub fn is_class_attribute_line(line: &str) -> bool {
    line.contains("linguist-vendored")
        || line.contains("linguist-generated")
        || line.contains("gitlab-generated")
}

/// Whether `path` is a `.gitattributes` file (at any depth).
pub fn is_gitattributes(path: &str) -> bool {
    path.rsplit('/').next() == Some(".gitattributes")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> PathClasses {
        PathClasses::default()
    }

    #[test]
    fn builtin_test_paths() {
        let c = builtin();
        for p in [
            "tests/test_x.py",
            "pkg/tests/a.py",
            "test/a.js",
            "spec/models/user_spec.rb",
            "app/models/user_spec.rb",
            "web/__tests__/a.js",
            "src/test/java/a/B.java",
            "module/src/test/resources/app.properties",
            "pkg/testdata/x.json",
            "a/fixtures/b.yml",
            "test_views.py",
            "app/views_test.py",
            "conftest.py",
            "pkg/server_test.go",
            "src/a.test.ts",
            "src/a.spec.jsx",
            "src/main/java/FooTest.java",
            "Foo.Tests/Bar.cs",
            "src/BarTests.cs",
            "lib/MailerTest.php",
            "testing/x.c",
        ] {
            assert_eq!(c.classify(p), Some(PathClass::Test), "{p}");
        }
        for p in [
            "app/x.py",
            "src/main/java/Foo.java",
            "latest/a.py",
            "contest.py",
            "pkg/server.go",
            "src/a.ts",
            "src/testing_utils.go.txt",
            "attest/a.py",
            "protest.rb",
        ] {
            assert_eq!(c.classify(p), None, "{p}");
        }
    }

    #[test]
    fn builtin_vendored_paths_and_go_vendor() {
        let c = builtin();
        for p in [
            "vendor/autoload.php",
            "web/vendor/jquery.js",
            "third_party/x/y.c",
            "node_modules/a/index.js",
            "static/bower_components/b.js",
            "static/js/app.min.js",
            "static/app.bundle.js",
            "css/site.min.css",
            "vendor/github.com/x/y/README.md",
            // Vendored beats test.
            "vendor/x/tests/test_a.py",
        ] {
            assert_eq!(c.classify(p), Some(PathClass::Vendored), "{p}");
        }
        // Go compiles vendor/ in: its Go source stays ordinary code.
        assert_eq!(c.classify("vendor/github.com/x/y/z.go"), None);
        assert_eq!(
            c.classify("vendor/github.com/x/y/z_test.go"),
            Some(PathClass::Test)
        );
    }

    #[test]
    fn configured_globs_and_defaults_off() {
        let cfg = PathsConfig {
            tests: vec!["qa/".into(), "*.check.py".into()],
            vendored: vec!["/libs/".into(), "assets/pdfjs/**".into()],
            defaults: false,
            gitattributes: true,
        };
        let c = PathClasses::new(&cfg, None).expect("compiles");
        assert_eq!(c.classify("qa/a.py"), Some(PathClass::Test));
        assert_eq!(c.classify("x/y.check.py"), Some(PathClass::Test));
        assert_eq!(c.classify("libs/a.js"), Some(PathClass::Vendored));
        assert_eq!(c.classify("x/libs/a.js"), None);
        assert_eq!(c.classify("assets/pdfjs/pdf.js"), Some(PathClass::Vendored));
        assert_eq!(c.classify("tests/test_x.py"), None, "defaults off");
        assert_eq!(c.classify("node_modules/a.js"), None, "defaults off");
        let bad = PathsConfig {
            tests: vec!["a[".into()],
            ..PathsConfig::default()
        };
        let e = PathClasses::new(&bad, None)
            .expect_err("bad glob")
            .to_string();
        assert!(e.contains("paths.tests") && e.contains("a["), "{e}");
    }

    #[test]
    fn gitattributes_set_unset_and_last_line_wins() {
        let text = "\
# comment
*.js text eol=lf
app/** linguist-vendored
app/keep/** -linguist-vendored
docs/*.html linguist-generated=true
static/*.js linguist-vendored
static/own.js linguist-vendored=false
vendor/mine/** -linguist-vendored
reset/** linguist-vendored
reset/** !linguist-vendored
";
        let c = PathClasses::new(&PathsConfig::default(), Some(text)).expect("compiles");
        assert_eq!(c.classify("app/x.py"), Some(PathClass::Vendored));
        assert_eq!(c.classify("app/keep/x.py"), None);
        assert_eq!(c.classify("docs/a.html"), Some(PathClass::Vendored));
        assert_eq!(c.classify("docs/sub/a.html"), None, "* stops at /");
        assert_eq!(c.classify("static/lib.js"), Some(PathClass::Vendored));
        assert_eq!(c.classify("static/own.js"), None);
        // An explicit unset beats the built-in list.
        assert_eq!(c.classify("vendor/mine/a.php"), None);
        assert_eq!(c.classify("vendor/other/a.php"), Some(PathClass::Vendored));
        // `!attr` resets to unspecified: the lists decide again.
        assert_eq!(c.classify("reset/a.py"), None);
        assert_eq!(c.classify("reset/tests/a.py"), Some(PathClass::Test));
        // Switched off: only the lists.
        let off = PathsConfig {
            gitattributes: false,
            ..PathsConfig::default()
        };
        let c = PathClasses::new(&off, Some(text)).expect("compiles");
        assert_eq!(c.classify("app/x.py"), None);
    }

    #[test]
    fn gitattributes_lines_git_ignores_are_ignored() {
        let text = "\
[attr]thirdparty linguist-vendored
lib/** thirdparty
!neg/** linguist-vendored
dir/ linguist-vendored
\"with space/**\" linguist-vendored
*.gen.go linguist-generated
";
        let a = Attributes::parse(text);
        let c = PathClasses::new(&PathsConfig::default(), Some(text)).expect("compiles");
        // Macros are not expanded; negative and directory patterns never apply.
        assert_eq!(c.classify("lib/a.js"), None);
        assert_eq!(c.classify("neg/a.js"), None);
        assert_eq!(c.classify("dir/a.js"), None);
        assert_eq!(c.classify("with space/a.js"), Some(PathClass::Vendored));
        assert_eq!(c.classify("x/y/api.gen.go"), Some(PathClass::Vendored));
        assert!(!a.is_empty());
        assert!(Attributes::parse("*.png binary\n# linguist-vendored\n").is_empty());
    }

    #[test]
    fn attribute_lines_and_files_that_decide_classes() {
        assert!(is_class_attribute_line("app/** linguist-vendored"));
        assert!(is_class_attribute_line("*.pb.go gitlab-generated"));
        assert!(!is_class_attribute_line("[attr]x binary"));
        assert!(!is_class_attribute_line("*.sh text eol=lf"));
        assert!(is_gitattributes(".gitattributes"));
        assert!(is_gitattributes("app/.gitattributes"));
        assert!(!is_gitattributes("x.gitattributes"));
    }
}
