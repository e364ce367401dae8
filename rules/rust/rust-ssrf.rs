// ruleid: rust-ssrf
let resp = reqwest::get(&query.url).await?;
// ok: rust-ssrf
let resp = reqwest::get(format!("{}/health", cfg.base_url)).await?;
