//! Languages a rule can name, and the path globs that select their files.

/// Language name and the globs of its files. Names are what rule packs write in
/// `languages:`; globs are matched against the repository path with `**/` semantics.
pub const LANGUAGES: &[(&str, &[&str])] = &[
    ("python", &["**/*.py", "**/*.pyw"]),
    (
        "javascript",
        &["**/*.js", "**/*.mjs", "**/*.cjs", "**/*.jsx"],
    ),
    (
        "typescript",
        &["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"],
    ),
    ("go", &["**/*.go"]),
    ("java", &["**/*.java", "**/*.jsp"]),
    ("kotlin", &["**/*.kt", "**/*.kts"]),
    (
        "ruby",
        &[
            "**/*.rb",
            "**/*.erb",
            "**/*.rake",
            "**/Rakefile",
            "**/Gemfile",
        ],
    ),
    ("php", &["**/*.php", "**/*.phtml"]),
    ("csharp", &["**/*.cs", "**/*.cshtml", "**/*.razor"]),
    ("rust", &["**/*.rs"]),
    ("shell", &["**/*.sh", "**/*.bash", "**/*.zsh", "**/*.ksh"]),
    (
        "html",
        &[
            "**/*.html",
            "**/*.htm",
            "**/*.j2",
            "**/*.jinja",
            "**/*.jinja2",
            "**/*.twig",
            "**/*.vue",
            "**/*.svelte",
        ],
    ),
    (
        "dockerfile",
        &[
            "**/Dockerfile",
            "**/Dockerfile.*",
            "**/*.Dockerfile",
            "**/*.dockerfile",
            "**/Containerfile",
            "**/Containerfile.*",
        ],
    ),
    (
        "gitlab-ci",
        &[
            "**/.gitlab-ci.yml",
            "**/.gitlab-ci.yaml",
            "**/*.gitlab-ci.yml",
            "**/.gitlab/ci/**/*.yml",
            "**/.gitlab/ci/**/*.yaml",
            "**/templates/*.yml",
        ],
    ),
    (
        "github-actions",
        &[
            "**/.github/workflows/*.yml",
            "**/.github/workflows/*.yaml",
            "**/action.yml",
            "**/action.yaml",
        ],
    ),
    (
        "terraform",
        &["**/*.tf", "**/*.tf.json", "**/*.tfvars", "**/*.hcl"],
    ),
    ("yaml", &["**/*.yml", "**/*.yaml"]),
    ("kubernetes", &["**/*.yml", "**/*.yaml"]),
    (
        "properties",
        &[
            "**/*.properties",
            "**/*.env",
            "**/.env",
            "**/.env.*",
            "**/*.ini",
            "**/*.cfg",
            "**/*.conf",
            "**/*.toml",
        ],
    ),
    ("xml", &["**/*.xml", "**/*.config"]),
    ("json", &["**/*.json"]),
];

/// The globs of a language, if it is known.
pub fn globs(language: &str) -> Option<&'static [&'static str]> {
    LANGUAGES
        .iter()
        .find(|(name, _)| *name == language)
        .map(|(_, g)| *g)
}

/// Known language names, for error messages.
pub fn names() -> Vec<&'static str> {
    LANGUAGES.iter().map(|(n, _)| *n).collect()
}
