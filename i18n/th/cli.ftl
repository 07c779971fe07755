# บรรทัดคำสั่ง: วิธีใช้ที่ clap แสดง (`cli-<คำสั่ง>-<อาร์กิวเมนต์>`, `cli-<คำสั่ง>-about` ดู `main::localise`)
# หัวข้อและข้อผิดพลาดของมัน และข้อความที่ `main` พิมพ์เอง

## โปรแกรม และอาร์กิวเมนต์ที่ทุกคำสั่งรับ
cli-about = สร้างเว็บไซต์การประเมินคุณธรรมและความโปร่งใส (ITA) ของหน่วยงาน จากไฟล์ Markdown
cli-quiet = แสดงเฉพาะข้อผิดพลาดและคำเตือน
cli-lang = ภาษาของข้อความ: th หรือ en (ถ้าไม่ระบุ ใช้ภาษาของเครื่อง)
cli-help = แสดงวิธีใช้
cli-version = แสดงรุ่นของโปรแกรม
cli-root = โฟลเดอร์ของเว็บไซต์ ที่มีไฟล์ site.yaml และโฟลเดอร์ content/
cli-help-about = แสดงวิธีใช้ของโปรแกรม หรือของคำสั่งที่ระบุ
cli-help-subcommand = คำสั่งที่จะดูวิธีใช้

## คำสั่ง
cli-build-about = สร้างเว็บไซต์ลงโฟลเดอร์ public/ (สร้างเมื่อทุกไฟล์ถูกต้องเท่านั้น และเปลี่ยน public/ ทั้งโฟลเดอร์ในครั้งเดียว)
cli-build-out = โฟลเดอร์ที่จะเขียนเว็บไซต์ลงไป (ถ้าไม่ระบุ ใช้ ROOT/public)
cli-build-base-url = ที่อยู่เว็บไซต์เมื่อเผยแพร่ ใช้แทน base_url ใน site.yaml
cli-build-no-search = ไม่สร้างดัชนีค้นหา (สร้างเร็วขึ้น แต่หน้าค้นหาจะหาอะไรไม่พบ)
cli-check-about = ตรวจทุกไฟล์และบอกปัญหาทั้งหมด โดยไม่เขียนไฟล์ใด จบด้วยรหัส 0 ไม่มีปัญหา 1 มีข้อผิดพลาด 2 ทำงานไม่ได้
cli-check-format = รูปแบบของผลการตรวจ
cli-check-strict = ถือว่าหลักฐาน OIT ที่ลงวันที่นอกปีงบประมาณ ("ต้องตรวจสอบ") เป็นข้อผิดพลาด
cli-serve-about = ดูตัวอย่างเว็บไซต์ในเบราว์เซอร์ สร้างใหม่และโหลดหน้าใหม่เองทุกครั้งที่แก้ไฟล์ (กด Ctrl-C เพื่อหยุด)
cli-serve-port = พอร์ตที่ใช้ ถ้าพอร์ตนี้มีโปรแกรมอื่นใช้อยู่ จะใช้พอร์ตถัดไปที่ว่าง
cli-serve-bind = ที่อยู่ที่รอรับการเชื่อมต่อ ถ้าไม่ใช่ 127.0.0.1 เครื่องอื่นในเครือข่ายจะเปิดหน้าตัวอย่างได้ด้วย
cli-serve-open = เปิดหน้าตัวอย่างในเบราว์เซอร์หลักของเครื่อง
cli-serve-poll = ตรวจไฟล์ที่เปลี่ยนเป็นระยะ แทนการรอให้ระบบแจ้ง (ใช้กับไดรฟ์เครือข่าย หรือ WSL บน /mnt/c)
cli-serve-search = สร้างดัชนีค้นหาทุกครั้งที่สร้างใหม่ หน้าค้นหาในหน้าตัวอย่างจึงใช้ได้
cli-publish-about = สร้างเว็บไซต์ แล้วอัปโหลดเฉพาะไฟล์ที่เปลี่ยนไปยังเครื่องที่ฝากเว็บตาม `publish.url` ใน site.yaml (รหัสผ่านจาก PRONGSAI_PASSWORD หรือพิมพ์เมื่อถูกถาม) จบด้วยรหัส 0 เผยแพร่แล้ว 1 เว็บไซต์มีข้อผิดพลาด 2 ไม่ได้เผยแพร่
cli-publish-dry-run = แสดงรายการไฟล์ที่จะส่งและที่จะลบ โดยยังไม่ส่งอะไร
cli-publish-accept-host-key = เชื่อถือกุญแจของเครื่อง SFTP นี้ (SHA256:...) เมื่อเป็นเครื่องใหม่หรือกุญแจเปลี่ยน และจำไว้
cli-init-about = สร้างเว็บไซต์ใหม่ในโฟลเดอร์ DIR พร้อมมาตรการตัวอย่างและวิธีใช้ สำหรับปีงบประมาณของวันนี้ตามเวลาประเทศไทย (ถ้าตั้ง SOURCE_DATE_EPOCH ไว้ ใช้ค่านั้นเป็นเวลาปัจจุบัน)
cli-init-dir = โฟลเดอร์ที่จะสร้าง (ต้องว่าง หรือยังไม่มี)
cli-new-about = สร้างมาตรการใหม่ หรือเริ่มปีงบประมาณใหม่
cli-new-measure-about = สร้างมาตรการใหม่: content/measures/measure-N.md (หรือชื่อตาม --name)
cli-new-measure-title = ชื่อมาตรการ เช่น "การเปิดเผยข้อมูลสาธารณะ"
cli-new-measure-name = ชื่อไฟล์ ไม่ต้องมี .md (ชื่อนี้เป็นที่อยู่ของหน้า)
cli-new-year-about = เริ่มปีงบประมาณ YEAR (วันที่ 1 ตุลาคม): เปลี่ยน fiscal_year ใน site.yaml และคัดลอกมาตรการของปีที่แล้วเป็นร่างของปี YEAR (ผล คะแนน วันที่ และข้อ OIT ว่างไว้)
cli-new-year-year = ปีงบประมาณใหม่ (พ.ศ.) ปีถัดจากปีใน site.yaml เช่น 2570
cli-new-year-no-carry = เปลี่ยนเฉพาะปี ไม่คัดลอกมาตรการ
cli-new-year-force = เริ่มปีที่ไม่ใช่ปีถัดไป (ข้ามปี)
cli-criteria-about = เขียนไฟล์ criteria/ita-YEAR.yaml รายการข้อ OIT ของปี YEAR สำหรับเว็บไซต์นี้ จากรายการของ prongsai ของปีนั้น (หรือปีที่ใช้แทน) ไว้แก้ไขเมื่อ ป.ป.ช. ออกคู่มือของปีนั้น
cli-criteria-year = ปีงบประมาณของ ITA (พ.ศ.) เช่น 2570 [ถ้าไม่ระบุ ใช้ fiscal_year ใน site.yaml]

## คำของหน้าวิธีใช้
cli-usage = วิธีใช้:
cli-commands = คำสั่ง
cli-arguments = ค่าที่ต้องใส่
cli-options = ตัวเลือก
cli-default = [ถ้าไม่ระบุ: { $value }]
cli-env = [ตั้งได้ด้วยตัวแปร { $name }]
cli-values = [ใช้ได้: { $values }]

## บรรทัดคำสั่งที่อ่านไม่ได้
cli-bad-unknown-argument = ไม่รู้จัก `{ $arg }`
cli-bad-unknown-command = ไม่มีคำสั่ง `{ $arg }`
cli-bad-suggestion = หมายถึง `{ $suggested }` หรือไม่
cli-bad-invalid-value = ใช้ค่า `{ $value }` กับ `{ $arg }` ไม่ได้
cli-bad-valid-values = ค่าที่ใช้ได้: { $values }
cli-bad-missing-argument = ยังไม่ได้ใส่ { $arg } ซึ่งต้องมี
cli-bad-missing-command = ต้องระบุคำสั่ง
cli-bad-too-many = มีค่า `{ $value }` เกินมาสำหรับ `{ $arg }`
cli-bad-conflict = ใช้ `{ $arg }` คู่กับ `{ $other }` ไม่ได้
cli-bad-other = อ่านคำสั่งนี้ไม่ได้
cli-bad-more = ดูวิธีใช้ทั้งหมดด้วย `{ $command } --help`

## ข้อความของคำสั่ง
cli-error = ข้อผิดพลาด: { $message }
cli-hint = { "  " }วิธีแก้: { $help }
cli-created = สร้าง { $path } แล้ว
cli-init-next = ต่อไป: cd { $dir } && prongsai build
cli-criteria-created = สร้าง { $path } จากรายการ ITA ปี { $from } แล้ว แก้ให้ตรงกับคู่มือ ITA ปี { $year } ของ ป.ป.ช. แล้วสั่ง `prongsai check`
cli-epoch-not-a-number = SOURCE_DATE_EPOCH เป็น `{ $value }` ซึ่งไม่ใช่จำนวนวินาทีนับจากปี 1970 ให้ลบตัวแปรนี้หรือแก้ให้ถูก
cli-epoch-out-of-range = วันที่ { $seconds } วินาทีหลังปี 1970 อยู่นอกช่วงที่ใช้ได้ ตรวจนาฬิกาของเครื่อง หรือ SOURCE_DATE_EPOCH
cli-fix-site-yaml = { $summary } แก้ site.yaml ก่อน
cli-new-year-not-started = { $summary } ยังไม่ได้เริ่มปีใหม่ แก้ไฟล์เหล่านี้ก่อน
cli-no-publish = site.yaml ไม่ได้บอกว่าจะเผยแพร่ไปที่ใด
    .help = เพิ่มบรรทัดเช่น `publish: {"{"} url: sftp://user@host:22/public_html/ita/ {"}"}` (หรือ ftp://, ftps:// หรือโฟลเดอร์) ห้ามเขียนรหัสผ่านไว้ในไฟล์นี้
cli-dry-run-send = ส่ง  { $path }
cli-dry-run-delete = ลบ  { $path }
cli-published = { $summary } → { $destination }
