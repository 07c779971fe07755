# measure
# `measure`, `config`: ส่วนหัวของไฟล์และ site.yaml

## ส่วนหัวของไฟล์ทั้งส่วน

measure-not-a-mapping = ส่วนหัวของไฟล์ไม่ได้เขียนเป็นบรรทัด `ช่อง: ค่า`
    .help = เขียนบรรทัดละหนึ่งช่องแบบ `ช่อง: ค่า` เช่น `title: ชื่อมาตรการ`
measure-empty-address = ชื่อไฟล์นี้ใช้ทำที่อยู่ของหน้าเว็บไม่ได้
    .help = เปลี่ยนชื่อไฟล์ให้มีตัวอักษรหรือตัวเลข เช่น measure-1.md หรือ การใช้ทรัพย์สิน.md
measure-unknown-key = ไม่รู้จักช่อง `{ $key }`
    .keys = ช่องที่ใช้ได้: { $keys }
    .lookalike = ชื่อช่องมี{ $what }: { $fix }; { $help }
measure-more-unknown-keys = ยังมีช่องที่ไม่รู้จักอีก { $count } ช่องที่ไม่ได้แสดง

## ช่องเดียว

measure-missing = ไม่มีช่อง `{ $key }`
    .title = เพิ่มบรรทัด `title: ชื่อมาตรการ`
    .page-title = เพิ่มบรรทัด `title: ชื่อหน้า`
    .assessment = เพิ่มบรรทัด `assessment: IIT` (หรือ EIT หรือ OIT)
    .indicator = เพิ่มบรรทัด `indicator: N` โดย N คือตัวชี้วัด ITA ที่ 1-10 ที่มาตรการนี้ตอบ
    .status = เพิ่มบรรทัด `status: done` (หรือ not_done, in_progress)
measure-not-filled-in = ยังไม่ได้กรอกช่อง `{ $key }`
    .required = เขียนค่าต่อจาก `{ $key }:` ในบรรทัดนี้ (ช่องนี้ต้องกรอก)
    .optional = เขียนค่าต่อจาก `{ $key }:` ในบรรทัดนี้ หรือลบบรรทัดนี้ถ้าไม่มีค่า
measure-wrong-kind = ช่อง `{ $key }` ใส่ค่าผิดชนิด
    .help = ช่อง `{ $key }` ต้องเป็น{ $kind }
measure-kind-text = ข้อความ
measure-kind-number = ตัวเลข
measure-kind-list = รายการข้อความ (บรรทัดละ `- ข้อความ`)
measure-kind-other = ค่าอีกชนิดหนึ่ง
measure-out-of-range = ค่า { $value } ในช่อง `{ $key }` อยู่นอกช่วงที่ใช้ได้
measure-bad-value = ช่อง `{ $key }`: { $error }
measure-not-a-number = `{ $value }` ไม่ใช่ตัวเลข
measure-too-large = `{ $value }` ใหญ่เกินไป
measure-not-whole = `{ $value }` ไม่ใช่จำนวนเต็ม

## ช่องของมาตรการ

measure-fiscal-year-help = เขียนปี พ.ศ. เช่น 2566
measure-unknown-assessment = ไม่รู้จักแบบวัด `{ $value }`
    .help = เขียน IIT, EIT หรือ OIT
measure-indicator-range-help = ตัวชี้วัด ITA มีหมายเลข 1 ถึง 10
measure-indicator-elsewhere = ตัวชี้วัดที่ { $indicator } อยู่ใน { $owner } ไม่ใช่ { $assessment }
    .help = { $assessment } มีตัวชี้วัดที่ { $first } ถึง { $last }: แก้ช่อง `indicator` หรือช่อง `assessment` ให้ตรงกัน
measure-score-help = คะแนนเป็นตัวเลข 0 ถึง 100 เช่น 95.60
measure-target-help = เกณฑ์ผ่านเป็นตัวเลข 0 ถึง 100
measure-unit-no-address = ชื่อหน่วยงาน `{ $unit }` ไม่มีตัวอักษรหรือตัวเลข จึงใช้ทำที่อยู่ของหน้าเว็บไม่ได้
    .help = เขียนชื่อหน่วยงาน เช่น กองคลัง
measure-menu = ช่อง `menu` ใส่ได้แค่ `true` หรือชื่อสั้น ๆ
    .help = เขียน `menu: true` หรือชื่อสั้น ๆ เช่น `menu: ติดต่อเรา`
measure-unknown-status = ไม่รู้จักสถานะ `{ $value }`
    .help = เขียน done (ดำเนินการแล้ว), not_done (ยังไม่ดำเนินการ) หรือ in_progress (อยู่ระหว่างดำเนินการ)
measure-bad-date = ช่อง `date`: { $error }
measure-date-help = เขียนวันที่ เช่น 10 มี.ค. 66 หรือ 10/3/2566 (หรือแบบสากล 2023-03-10)
measure-attachment = ไฟล์แนบ `{ $path }` { $why }

## ทำไมเผยแพร่ไฟล์นี้ไม่ได้ (ท้ายประโยคที่ขึ้นต้นด้วยชื่อไฟล์)

measure-file-outside = อยู่นอกโฟลเดอร์ content/
    .help = เขียนที่อยู่ของไฟล์ในโฟลเดอร์ content/ เช่น files/report-2566.pdf
measure-file-bad-name-help = เปลี่ยนชื่อไฟล์ (และแก้บรรทัดที่อ้างถึงไฟล์นั้นด้วย)
measure-file-server-program = เป็นไฟล์โปรแกรมที่เครื่องที่ฝากเว็บ (โฮสต์) จะสั่งให้ทำงาน (PHP, CGI, ASP)
    .help = แนบไฟล์ PDF หรือรูปภาพ (PNG, JPEG) แทน ไฟล์สคริปต์ไม่ควรอยู่บนเว็บไซต์
measure-file-script = เป็นไฟล์ชนิดที่สั่งสคริปต์ให้ทำงานในเบราว์เซอร์ได้
    .help = แนบไฟล์ PDF หรือรูปภาพ (PNG, JPEG) แทน หรือถ้าไว้ใจไฟล์นี้ ให้เขียน `allow_html: true` ใน site.yaml
measure-file-link-outside = เป็นทางลัดไปยังไฟล์นอกโฟลเดอร์ content/
    .help = คัดลอกตัวไฟล์จริงมาไว้ในโฟลเดอร์ content/files/ แทนทางลัด
measure-file-too-big = มีขนาด { $size } MB แต่ไฟล์แนบใหญ่ได้ไม่เกิน { $max } MB
    .help = ย่อไฟล์สแกน (PDF ที่ 150 dpi ก็พอ) แบ่งเป็นหลายไฟล์ หรือฝากไฟล์ไว้ที่อื่นแล้วใส่ลิงก์แทน
measure-file-not-regular = ไม่ใช่ไฟล์ธรรมดา (เป็นโฟลเดอร์หรืออุปกรณ์)
    .help = ระบุไฟล์ธรรมดาที่อยู่ในโฟลเดอร์ content/
measure-file-missing = ไม่มีอยู่จริง
    .help = วางไฟล์ไว้ที่ content/{ $path } หรือแก้ชื่อให้ตรง (ตัวพิมพ์ใหญ่-เล็กต้องตรงกัน)

## site.yaml

config-unreadable = อ่านไฟล์ site.yaml ไม่ได้: { $error }
    .help = สั่ง prongsai ในโฟลเดอร์ของเว็บไซต์ (โฟลเดอร์ที่มีไฟล์ site.yaml) หรือบอกโฟลเดอร์ด้วย --root โฟลเดอร์ หรือสร้างเว็บไซต์ใหม่ด้วย `prongsai init โฟลเดอร์`
config-no-name = site.yaml ไม่มีช่อง `name`
    .help = เพิ่มชื่อเต็มของหน่วยงาน เช่น `name: องค์การบริหารส่วนตำบลสวนหม่อน`
config-fiscal-year = ช่อง `fiscal_year` เป็น { $year } ซึ่งไม่ใช่ปี พ.ศ.
    .help = เขียนปีงบประมาณ (พ.ศ.) ที่เว็บไซต์รายงาน เช่น `fiscal_year: 2566`
config-language = ยังไม่รองรับภาษา `{ $language }`
    .help = เขียน `language: th`
config-contact-url = ช่อง `{ $key }` ของ contact: `{ $url }` ไม่ใช่ที่อยู่เว็บ
    .help = เขียนที่อยู่ที่ขึ้นต้นด้วย https:// เช่น https://www.example.go.th/
config-base-url = ช่อง `base_url`: `{ $url }` { $why }
    .help = เขียนที่อยู่ของเว็บไซต์ตามที่เบราว์เซอร์แสดง เช่น `base_url: https://www.example.go.th/ita/` หรือเฉพาะส่วนท้าย เช่น `/ita/`
config-base-url-space = มีช่องว่างหรือการขึ้นบรรทัดใหม่
config-base-url-quote = มีเครื่องหมายคำพูด `<` `>` หรือ `\`
config-base-url-form = ไม่ใช่ที่อยู่ที่ขึ้นต้นด้วย http:// หรือ https:// และไม่ได้ขึ้นต้นด้วย /
config-password = ห้ามเขียนรหัสผ่านใน site.yaml
    .help = ลบรหัสผ่านออกจาก site.yaml แล้วตั้งค่า PRONGSAI_PASSWORD หรือพิมพ์รหัสผ่านเมื่อ `prongsai publish` ถาม (site.yaml มักถูกคัดลอกส่งต่อกัน)
config-password-in-url = ที่อยู่ปลายทาง (`url`) มีรหัสผ่านอยู่ด้วย (user:password@)
config-publish-url = ที่อยู่ปลายทาง (`url`) ของ publish: { $error }
    .help = เขียนแบบ sftp://ชื่อผู้ใช้@โฮสต์:22/โฟลเดอร์/, ftp://ชื่อผู้ใช้@โฮสต์/โฟลเดอร์/, ftps://ชื่อผู้ใช้@โฮสต์/โฟลเดอร์/ หรือโฟลเดอร์ เช่น \\server\www\ita
config-publish-no-url = ส่วน `publish` ไม่มีช่อง `url`
    .help = เขียนที่อยู่ปลายทางที่จะอัปโหลดเว็บไซต์ไป เช่น `publish: {"{"} url: sftp://user@host:22/public_html/ita/ {"}"}`
config-scheme = prongsai อัปโหลดแบบ `{ $scheme }://` ไม่ได้
config-port = พอร์ต `{ $port }` ต้องเป็นตัวเลข 1 ถึง 65535
config-no-host = ที่อยู่นี้ไม่มีชื่อเครื่องที่ฝากเว็บ (โฮสต์)
