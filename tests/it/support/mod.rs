//! What the integration tests share: git repositories built with `git` and the real
//! binary run with a controlled environment ([`common`], [`review_support`]), the fake
//! GitLab ([`fake_gitlab`]) and the fake LLM endpoint ([`fake_llm`]) on 127.0.0.1, and
//! report validation against the vendored schemas ([`report_validation`]).

pub(crate) mod common;
pub(crate) mod fake_gitlab;
pub(crate) mod fake_llm;
pub(crate) mod report_validation;
pub(crate) mod review_support;
