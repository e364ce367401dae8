// ruleid: java-path-traversal
File f = new File(UPLOAD_DIR, request.getParameter("name"));
// ok: java-path-traversal
File f = new File(UPLOAD_DIR, FilenameUtils.getName(request.getParameter("name")));
