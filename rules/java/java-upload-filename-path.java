import org.springframework.web.multipart.MultipartFile;

class Uploads {
    Path root = Paths.get("/srv/uploads");

    @PostMapping("/upload")
    String upload(@RequestParam("file") MultipartFile file) throws IOException {
        String name = file.getOriginalFilename();
        // ruleid: java-upload-filename-path
        file.transferTo(new File("/srv/uploads/" + name));
        return "ok";
    }

    void servlet(HttpServletRequest request) throws Exception {
        Part part = request.getPart("doc");
        // ruleid: java-upload-filename-path
        Path target = root.resolve(part.getSubmittedFileName());
        Files.copy(part.getInputStream(), target);
    }

    @PostMapping("/upload2")
    String safe(@RequestParam("file") MultipartFile file) throws IOException {
        // ok: java-upload-filename-path
        file.transferTo(root.resolve(UUID.randomUUID().toString()));
        return "ok";
    }

    @PostMapping("/upload3")
    String nearMiss(@RequestParam("file") MultipartFile file) throws IOException {
        String name = FilenameUtils.getName(file.getOriginalFilename());
        // ok: java-upload-filename-path
        file.transferTo(new File("/srv/uploads", name));
        return "ok";
    }
}
