<?php
function upload_avatar()
{
    $name = $_FILES['avatar']['name'];
    // ruleid: php-unrestricted-upload
    move_uploaded_file($_FILES['avatar']['tmp_name'], 'uploads/' . $name);
    $ext = strtolower(pathinfo($_FILES['doc']['name'], PATHINFO_EXTENSION));
    if (!in_array($ext, ['pdf', 'png'], true)) {
        return false;
    }
    // ok: php-unrestricted-upload
    move_uploaded_file($_FILES['doc']['tmp_name'], 'uploads/' . bin2hex(random_bytes(16)) . '.' . $ext);
    // ok: php-unrestricted-upload
    move_uploaded_file($_FILES['avatar']['tmp_name'], 'uploads/' . uniqid('a', true) . '.png');
    return true;
}

class UploadController
{
    public function store(Request $request)
    {
        $file = $request->file('doc');
        // ruleid: php-unrestricted-upload
        $file->move(public_path('files'), $file->getClientOriginalName());
        // ok: php-unrestricted-upload
        $file->storeAs('docs', $file->hashName());
        // ok: php-unrestricted-upload
        $tmp = $file->move(storage_path('tmp/' . uniqid()), $file->getClientOriginalName());
    }
}

function upload_logo()
{
    $base = pathinfo($_FILES['logo']['name'], PATHINFO_FILENAME);
    // ok: php-unrestricted-upload
    move_uploaded_file($_FILES['logo']['tmp_name'], 'uploads/' . $base . '.png');
    // ok: php-unrestricted-upload
    move_uploaded_file($_FILES['logo']['tmp_name'], 'uploads/' . str2url($_FILES['logo']['name']) . '.png');
}
