def unpack(zip_path, dest)
  Zip::File.open(zip_path) do |zip|
    zip.each do |entry|
      target = File.join(dest, entry.name)
      # ruleid: ruby-zip-slip-flow
      entry.extract(target)
    end
  end
end

def unpack_checked(zip_path, dest)
  root = File.expand_path(dest)
  Zip::File.open(zip_path) do |zip|
    zip.each do |entry|
      target = File.expand_path(entry.name, root)
      raise "bad entry" unless target.start_with?(root + File::SEPARATOR)
      # ok: ruby-zip-slip-flow
      entry.extract(target)
      flat = File.join(root, File.basename(entry.name))
      # ok: ruby-zip-slip-flow
      File.write(flat, entry.get_input_stream.read)
    end
  end
end

def untar(io, dest)
  Gem::Package::TarReader.new(io) do |tar|
    tar.each do |entry|
      # ruleid: ruby-zip-slip-flow
      File.open(File.join(dest, entry.full_name), "wb") { |f| f.write(entry.read) }
    end
  end
end
