fn extract(mut archive: zip::ZipArchive<File>, dest: &Path) -> io::Result<()> {
    for i in 0..archive.len() {
        let mut file = archive.by_index(i)?;
        // ruleid: rust-zip-slip
        let out = dest.join(file.name());
        // ok: rust-zip-slip
        let safe = match file.enclosed_name() { Some(p) => dest.join(p), None => continue };
        io::copy(&mut file, &mut File::create(&safe)?)?;
    }
    Ok(())
}

fn untar(mut ar: tar::Archive<File>, dest: &Path) -> io::Result<()> {
    for entry in ar.entries()? {
        let mut entry = entry?;
        // ruleid: rust-zip-slip
        entry.unpack(dest.join(entry.path()?))?;
        // ok: rust-zip-slip
        entry.unpack_in(dest)?;
    }
    Ok(())
}
