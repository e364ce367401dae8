import java.io.*;
import java.nio.file.*;
import javax.servlet.http.*;

class Files1 {
    void download(HttpServletRequest request) throws IOException {
        String name = request.getParameter("name");
        String full = "/var/uploads/" + name;
        // ruleid: java-path-traversal
        FileInputStream in = new FileInputStream(full);
    }

    @GetMapping("/report/{id}")
    byte[] report(@PathVariable String id) throws IOException {
        Path base = Paths.get("/srv/reports");
        // ruleid: java-path-traversal
        return Files.readAllBytes(base.resolve(id + ".pdf"));
    }

    void safe(HttpServletRequest request) throws IOException {
        String name = request.getParameter("name");
        String only = FilenameUtils.getName(name);
        // ok: java-path-traversal
        File f = new File(UPLOAD_DIR, only);
        Path p = Paths.get("/srv/reports").resolve(name).normalize();
        if (!p.startsWith("/srv/reports")) {
            throw new SecurityException("bad path");
        }
        // ok: java-path-traversal
        Files.newInputStream(p);
        // ok: java-path-traversal
        new File("/etc/app/config.properties");
    }
}

class UploadOverlap {
    @PostMapping("/deploy")
    void deploy(@RequestParam("file") MultipartFile file) throws IOException {
        String fileName = file.getOriginalFilename();
        // ok: java-path-traversal
        File target = new File("/srv/deploy/" + fileName);
    }
}
