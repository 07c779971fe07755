# oit
# `oit`: เกณฑ์ หลักฐาน คะแนน และสิ่งที่ `check` บอกเรื่องรายการตรวจ OIT

## รหัสข้อ

oit-not-a-code = `{ $code }` ไม่ใช่รหัสข้อ OIT
    .help = เขียนรหัสข้อแบบ O1, O42, O43
oit-not-an-item = `{ $code }` ไม่ใช่ข้อ OIT ของ ITA { $year }
oit-item-range = ITA { $year } มีข้อ { $first } ถึง { $last }

## ไฟล์เกณฑ์ (criteria/ita-YYYY.yaml)

oit-criteria-empty = ไฟล์เกณฑ์ไม่มีข้อ OIT เลย
    .help = ใส่ตัวชี้วัดที่ 9 และ 10 พร้อมตัวชี้วัดย่อยและข้อ (`prongsai criteria ปี` สร้างรายการเต็มไว้ให้เริ่มแก้)
oit-indicator-twice = ตัวชี้วัดที่ { $number } เขียนซ้ำสองครั้ง
    .help = ตัวชี้วัดแต่ละตัวเขียนได้ครั้งเดียว: ย้ายตัวชี้วัดย่อยทั้งหมดไปไว้ใต้ `number:` เดียวกัน
oit-indicator-not-oit = ตัวชี้วัดที่ { $number } ไม่ใช่ตัวชี้วัดของ OIT
    .help = OIT มีตัวชี้วัดที่ 9 (การเปิดเผยข้อมูล) และ 10 (การป้องกันการทุจริต)
oit-sub-twice = ตัวชี้วัดย่อย { $code } เขียนซ้ำสองครั้ง
    .help = รหัสตัวชี้วัดย่อยแต่ละรหัสเขียนได้ครั้งเดียวในเกณฑ์ของแต่ละปี
oit-sub-elsewhere = `{ $code }` ไม่ใช่ตัวชี้วัดย่อยของตัวชี้วัดที่ { $number }
    .help = เขียนรหัสเป็น { $number }.1, { $number }.2, ...
oit-sub-empty = ตัวชี้วัดย่อย { $code } ไม่มีข้อ
    .help = ใส่ข้อไว้ใต้ `items:` หรือลบตัวชี้วัดย่อยนี้
oit-criteria-too-many = พบปัญหาเกิน { $count } ข้อ ที่เหลือไม่ได้แสดง
    .help = แก้ข้อที่แสดงก่อน แล้วสั่ง `prongsai check` อีกครั้ง
oit-item-twice = ข้อ { $code } เขียนซ้ำสองครั้ง
    .help = รหัสข้อแต่ละรหัสเขียนได้ครั้งเดียวในเกณฑ์ของแต่ละปี
oit-criteria-year = ชื่อไฟล์เป็นของปี { $year } แต่ในไฟล์เขียนว่า `year: { $written }`
    .help = เขียน `year: { $year }` หรือเปลี่ยนชื่อไฟล์
oit-criteria-exists = มีไฟล์ { $path } อยู่แล้ว ให้แก้ไฟล์นั้น หรือลบทิ้งก่อนถ้าจะเริ่มใหม่จากรายการของ prongsai

## หลักฐาน: ช่อง `oit:` ของหน้าและมาตรการ และไฟล์ content/disclosures.yaml

oit-not-done = มาตรการที่ยังไม่ดำเนินการยังไม่เป็นหลักฐานของข้อ OIT
    .help = เปลี่ยนเป็น `status: done` เมื่อดำเนินการแล้ว ข้อ OIT จึงจะนับหลักฐานนี้
oit-disclosures-not-a-mapping = disclosures.yaml ไม่ได้เขียนเป็นรายการรหัสข้อ เช่น `O1:`
    .help = เขียนรหัสข้อบรรทัดละหนึ่งข้อ แล้วตามด้วยเอกสารของข้อนั้น เช่น
        O1:
          - url: https://www.example.go.th/structure
            title: โครงสร้าง
            date: 2023-01-10
oit-no-document = ข้อ { $code } ยังไม่มีเอกสาร
    .help = เพิ่มบรรทัด `- url: ...` ไว้ใต้ข้อนี้ หรือลบบรรทัดนี้
oit-entry-unknown-key = ไม่รู้จักช่อง `{ $key }` ในหลักฐานของข้อ { $code }
    .keys = หลักฐานแต่ละรายการมีช่อง: { $keys }
oit-entry-missing-key = หลักฐานของข้อ { $code } ไม่มีช่อง `{ $key }`
oit-entry-unreadable = อ่านหลักฐานของข้อ { $code } ไม่ได้ ({ $error })
    .help = เขียนเอกสารแต่ละรายการเป็น `- url: ...` แล้วจะมีบรรทัด `title:`, `date:`, `fiscal_year:` และ `path:` ต่อก็ได้
oit-entry-date = { $code }: วันที่ `{ $date }`: { $error }
oit-entry-year = { $code }: ช่อง `fiscal_year` เป็น { $year } ซึ่งไม่ใช่ปี พ.ศ.
    .help = เขียนปีงบประมาณ (พ.ศ.) ของเอกสาร เช่น `fiscal_year: 2565`
oit-empty-url = { $code }: หลักฐานไม่มีที่อยู่ (ช่อง `url` ว่าง)
    .help = เขียนที่อยู่ของเอกสารต่อจาก `url:`
oit-malformed-url = { $code }: ที่อยู่ `{ $url }` เขียนไม่ถูกต้อง: { $why }
    .help = เขียนที่อยู่เต็มตามที่เบราว์เซอร์แสดง ขึ้นต้นด้วย https://
oit-no-https = ไม่มี https:// นำหน้า
    .help = เขียน https://{ $address }
oit-leaves-site = { $code }: `{ $url }` ชี้ออกนอกเว็บไซต์
    .help = เขียนที่อยู่นับจากหน้าแรกของเว็บไซต์ เช่น files/report.pdf หรือ about/
oit-evidence-refused = { $code }: หลักฐาน `{ $url }` { $why }
oit-points-nowhere = { $code }: หลักฐาน `{ $url }` ไม่ได้ชี้ไปที่หน้าหรือไฟล์ใดของเว็บไซต์
    .inside = ที่อยู่ภายในเว็บไซต์คือหน้า (about/) หรือไฟล์ในโฟลเดอร์ content/ (files/report.pdf)
    .help = ที่อยู่ภายในเว็บไซต์คือหน้า (about/) หรือไฟล์ในโฟลเดอร์ content/ (files/report.pdf) ส่วนที่อยู่ภายนอกขึ้นต้นด้วย https://
oit-url-not-web = ITAS รับเฉพาะที่อยู่เว็บ (https://...)
oit-url-scheme = `{ $scheme }:` ไม่ใช่ที่อยู่เว็บ ITAS รับเฉพาะ http:// หรือ https://
oit-url-space = มีช่องว่าง (คัดลอกที่อยู่จากช่องที่อยู่ของเบราว์เซอร์)
oit-url-host = `{ $host }` ไม่ใช่ชื่อโดเมน
oit-url-host-chars = ชื่อโดเมน `{ $host }` มีตัวอักษรที่ใช้ในชื่อโดเมนไม่ได้

## สิ่งที่ `check` บอกเรื่องรายการตรวจ OIT (และกล่องบันทึกของหน้าตัวอย่าง)

oit-no-evidence = { $code } { $title }: ยังไม่มีหลักฐาน (ไม่มีหน้าใดระบุข้อนี้ในช่อง `oit` และไม่มีในไฟล์ { $file })
    .help = เพิ่มเอกสารไว้ใต้บรรทัด `{ $code }:` ในไฟล์ { $file } หรือเพิ่ม `oit: [{ $code }]` ในหน้าที่เปิดเผยข้อมูลนี้
oit-stale = { $code }: หลักฐาน `{ $title }` เป็นของปีงบประมาณ { $year } แต่ข้อนี้ต้องการปี { $required }
oit-stale-needs-attention = { $code }: หลักฐาน `{ $title }` เป็นของปีงบประมาณ { $year } แต่ข้อนี้ต้องการปี { $required } (ข้อนี้จึงต้องตรวจสอบและได้ 0 คะแนน)
oit-stale-help = ใส่เอกสารของปีงบประมาณ { $required } (หรือถ้าวันที่ไม่ใช่ปีที่เอกสารครอบคลุม ให้เขียน `fiscal_year:` ในรายการนั้น)
oit-edit-own-list = แก้ได้ในไฟล์ของเว็บไซต์เอง: สั่ง `prongsai criteria { $year }` แล้วแก้ไฟล์ { $file }
oit-edit-file = แก้ในไฟล์ { $file }
oit-check-manual = ตรวจกับคู่มือการประเมิน ITA ประจำปีงบประมาณ พ.ศ. { $year } ของสำนักงาน ป.ป.ช.
oit-check-and-fix = { $check } { $fix }
oit-partial = ITA { $year }: รายการข้อยังไม่ครบ คะแนนคิดเฉพาะข้อที่มี
oit-criteria-note = ITA { $year }: { $note }
oit-inferred-groups = ITA { $year }: การจัดข้อเข้าตัวชี้วัดย่อย { $subs } เป็นการอนุมาน คะแนนตัวชี้วัดย่อยจึงเป็นค่าประมาณ
oit-unconfirmed-items = ITA { $year }: ชื่อข้อหรือองค์ประกอบของ { $count } ข้อยังไม่ได้รับการยืนยันจากแหล่งข้อมูล: { $codes }
oit-stand-in = prongsai ยังไม่มีรายการข้อ OIT ของปี { $year } จึงใช้รายการ ITA { $from } แทน
    .help = เมื่อ ป.ป.ช. ประกาศคู่มือ ITA ปี { $year }: สั่ง `prongsai criteria { $command_year }` เพื่อสร้างไฟล์ { $file } จากรายการปี { $from } แล้วแก้ให้ตรงกับคู่มือ
oit-todo-missing = ยังไม่มีหลักฐาน: ไม่มีหน้าใดระบุข้อนี้ในช่อง `oit` และไม่มีในไฟล์ { $file }
oit-todo-stale = หลักฐานทุกรายการลงวันที่นอกปีงบประมาณ พ.ศ. { $year } ที่ข้อนี้กำหนด: เพิ่มเอกสารของปี { $year }
