// ruleid: rust-directory-listing
App::new().service(Files::new("/static", "./static").show_files_listing())
// ruleid: rust-directory-listing
App::new().service(Files::new("/", "./public").use_hidden_files())
// ok: rust-directory-listing
App::new().service(Files::new("/static", "./static").index_file("index.html"))
