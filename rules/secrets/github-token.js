// ruleid: github-token
const token = "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";
// ok: github-token
const token = process.env.GITHUB_TOKEN;
