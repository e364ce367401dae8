//! Publishing to the merge request, the pure half: note bodies and their safety pass
//! ([`body`]), diff positions validated against the parsed diff ([`position`]) and the
//! idempotent plan of writes ([`plan`]), and what a first run would post ([`preview`], for
//! `mrwarden demo`). The HTTP half lives in `gitlab`.

pub mod body;
pub mod plan;
pub mod position;
pub mod preview;
