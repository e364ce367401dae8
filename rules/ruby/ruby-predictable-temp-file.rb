def export(rows)
  # ruleid: ruby-predictable-temp-file
  File.open("/tmp/export.csv", "w") { |f| f.write(rows.to_csv) }
  # ruleid: ruby-predictable-temp-file
  File.write("/tmp/report-#{Process.pid}.txt", rows.to_s)
  # ruleid: ruby-predictable-temp-file
  path = Dir::Tmpname.make_tmpname("export", nil)
  # ok: ruby-predictable-temp-file
  Tempfile.create("export") { |f| f.write(rows.to_csv) }
  # ok: ruby-predictable-temp-file
  data = File.read("/tmp/fixture.csv")
  path
end
