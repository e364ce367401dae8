import java.util.zip.*;
import java.nio.file.*;

class Unzipper {
    void extract(ZipInputStream zis, File dest) throws IOException {
        ZipEntry entry;
        while ((entry = zis.getNextEntry()) != null) {
            File out = new File(dest, entry.getName());
            // ruleid: java-zip-slip
            try (FileOutputStream fos = new FileOutputStream(out)) {
                zis.transferTo(fos);
            }
        }
    }

    void extractNio(ZipFile zip, Path dest) throws IOException {
        for (ZipEntry e : Collections.list(zip.entries())) {
            Path target = dest.resolve(e.getName());
            // ruleid: java-zip-slip
            Files.copy(zip.getInputStream(e), target);
        }
    }

    void safe(ZipInputStream zis, Path dest) throws IOException {
        ZipEntry entry;
        while ((entry = zis.getNextEntry()) != null) {
            Path target = dest.resolve(entry.getName()).normalize();
            if (!target.startsWith(dest)) {
                throw new IOException("entry outside target: " + entry.getName());
            }
            // ok: java-zip-slip
            Files.copy(zis, target);
        }
    }

    void nearMiss(ZipInputStream zis, File dest) throws IOException {
        ZipEntry entry;
        while ((entry = zis.getNextEntry()) != null) {
            File out = new File(dest, entry.getName());
            if (!out.getCanonicalPath().startsWith(dest.getCanonicalPath() + File.separator)) {
                throw new IOException("bad entry");
            }
            // ok: java-zip-slip
            try (FileOutputStream fos = new FileOutputStream(out)) {
                zis.transferTo(fos);
            }
        }
    }
}

class HelperChecked {
    void unzip(ZipInputStream zis, Path targetPath) throws IOException {
        ZipEntry zipEntry = zis.getNextEntry();
        while (zipEntry != null) {
            Path entryPath = targetPath.resolve(zipEntry.getName());
            checkDirectoryTraversal(targetPath, entryPath);
            // ok: java-zip-slip
            Files.copy(zis, entryPath);
            zipEntry = zis.getNextEntry();
        }
    }
}
