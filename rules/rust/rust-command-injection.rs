// ruleid: rust-command-injection
let out = Command::new("sh").arg("-c").arg(format!("tar xf {}", name)).output()?;
// ruleid: rust-command-injection
Command::new("sh").args(["-c", &cmd]).status()?;
// ok: rust-command-injection
let out = Command::new("tar").args(["xf", &name]).output()?;
// ok: rust-command-injection
Command::new("sh").arg("-c").arg("make build").status()?;
