<?php
function unpack_theme(string $archive, string $dest)
{
    $zip = new ZipArchive();
    $zip->open($archive);
    for ($i = 0; $i < $zip->numFiles; $i++) {
        $name = $zip->getNameIndex($i);
        // ruleid: php-zip-slip
        file_put_contents($dest . '/' . $name, $zip->getFromIndex($i));
    }
    for ($i = 0; $i < $zip->numFiles; $i++) {
        $entry = $zip->getNameIndex($i);
        // ok: php-zip-slip
        file_put_contents($dest . '/' . basename($entry), $zip->getFromIndex($i));
    }
    for ($i = 0; $i < $zip->numFiles; $i++) {
        $entry = $zip->getNameIndex($i);
        if (strpos($entry, '..') !== false) {
            continue;
        }
        // ok: php-zip-slip
        file_put_contents($dest . '/' . $entry, $zip->getFromIndex($i));
    }
    // ok: php-zip-slip
    $zip->extractTo($dest);
    $zip->close();
}

function copy_tree(string $src, string $dst)
{
    foreach (new RecursiveIteratorIterator(new RecursiveDirectoryIterator($src)) as $file) {
        // ok: php-zip-slip
        copy($file->getPathname(), $dst . '/' . $file->getFilename());
    }
}
