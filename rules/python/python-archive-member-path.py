import os
import zipfile


def unpack(archive, dest):
    with zipfile.ZipFile(archive) as zf:
        for name in zf.namelist():
            target = os.path.join(dest, name)
            # ruleid: python-archive-member-path
            with open(target, "wb") as out:
                out.write(zf.read(name))


def unpack_checked(archive, dest):
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            target = os.path.realpath(os.path.join(dest, info.filename))
            if not target.startswith(os.path.realpath(dest) + os.sep):
                continue
            # ok: python-archive-member-path
            with open(target, "wb") as out:
                out.write(zf.read(info))


def list_only(archive):
    with zipfile.ZipFile(archive) as zf:
        for name in zf.namelist():
            # ok: python-archive-member-path
            with open(os.path.join("/srv/index", os.path.basename(name)), "w") as out:
                out.write(name)
        for name in zf.namelist():
            # ok: python-archive-member-path
            with open(name) as fh:
                print(fh.read())
