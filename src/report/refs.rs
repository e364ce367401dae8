//! Links for the weakness taxonomies findings carry (CWE, OWASP Top 10 2021), shared by
//! the security reports and SARIF.

/// The MITRE page of a CWE entry.
pub(super) fn cwe_url(cwe: u32) -> String {
    format!("https://cwe.mitre.org/data/definitions/{cwe}.html")
}

/// OWASP Top 10 2021 categories: (id, page slug, title).
const OWASP_2021: [(&str, &str, &str); 10] = [
    (
        "A01:2021",
        "A01_2021-Broken_Access_Control",
        "Broken Access Control",
    ),
    (
        "A02:2021",
        "A02_2021-Cryptographic_Failures",
        "Cryptographic Failures",
    ),
    ("A03:2021", "A03_2021-Injection", "Injection"),
    ("A04:2021", "A04_2021-Insecure_Design", "Insecure Design"),
    (
        "A05:2021",
        "A05_2021-Security_Misconfiguration",
        "Security Misconfiguration",
    ),
    (
        "A06:2021",
        "A06_2021-Vulnerable_and_Outdated_Components",
        "Vulnerable and Outdated Components",
    ),
    (
        "A07:2021",
        "A07_2021-Identification_and_Authentication_Failures",
        "Identification and Authentication Failures",
    ),
    (
        "A08:2021",
        "A08_2021-Software_and_Data_Integrity_Failures",
        "Software and Data Integrity Failures",
    ),
    (
        "A09:2021",
        "A09_2021-Security_Logging_and_Monitoring_Failures",
        "Security Logging and Monitoring Failures",
    ),
    (
        "A10:2021",
        "A10_2021-Server-Side_Request_Forgery_%28SSRF%29",
        "Server-Side Request Forgery (SSRF)",
    ),
];

/// The display name (`A03:2021 - Injection`) and page of an OWASP category; an id we
/// do not know keeps its own text and gets no link.
pub(super) fn owasp(id: &str) -> (String, Option<String>) {
    match OWASP_2021.iter().find(|(known, _, _)| *known == id) {
        Some((known, slug, title)) => (
            format!("{known} - {title}"),
            Some(format!("https://owasp.org/Top10/{slug}/")),
        ),
        None => (id.to_string(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_unknown_owasp_ids() {
        assert_eq!(
            owasp("A03:2021"),
            (
                "A03:2021 - Injection".to_string(),
                Some("https://owasp.org/Top10/A03_2021-Injection/".to_string())
            )
        );
        assert_eq!(owasp("A1:2017"), ("A1:2017".to_string(), None));
        assert_eq!(
            cwe_url(89),
            "https://cwe.mitre.org/data/definitions/89.html"
        );
    }
}
