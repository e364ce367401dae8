import shutil
import tarfile
import zipfile


def restore(path, dest):
    with tarfile.open(path) as archive:
        # ruleid: python-tarfile-extractall
        archive.extractall(dest)
    # ruleid: python-tarfile-extractall
    tarfile.open(path, "r:gz").extractall(dest)
    # ruleid: python-tarfile-extractall
    shutil.unpack_archive(path, dest)


def restore_safe(path, dest):
    with tarfile.open(path) as archive:
        # ok: python-tarfile-extractall
        archive.extractall(dest, filter="data")
    # ok: python-tarfile-extractall
    shutil.unpack_archive(path, dest, filter="data")
    with zipfile.ZipFile(path) as zf:
        # ok: python-tarfile-extractall
        zf.extractall(dest)
    tar = tarfile.open(path)
    # ruleid: python-tarfile-extractall
    tar.extractall(path=dest)
