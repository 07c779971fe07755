# scaffold

## init, new measure
scaffold-not-empty = โฟลเดอร์ { $folder } มีไฟล์อยู่แล้ว ให้เลือกโฟลเดอร์ใหม่
scaffold-exists = มี { $path } อยู่แล้ว

## new year: ทำไมจึงยังไม่ได้เขียนอะไร
scaffold-not-a-year = { $year } ไม่ใช่ปี พ.ศ. ปีงบประมาณถัดไปคือ { $next }
scaffold-year-not-after = site.yaml อยู่ที่ปีงบประมาณ { $from } แล้ว ปีใหม่ต้องเป็นปีหลังจากนั้น เช่น `prongsai new year { $next }`
scaffold-year-skips = { $year } ข้ามปี { $next } ปีงบประมาณถัดไปคือ { $next } ถ้าตั้งใจข้ามปี ให้เพิ่ม --force
scaffold-draft-exists = มี { $path } อยู่แล้ว จึงยังไม่ได้เขียนไฟล์ใด (เปลี่ยนชื่อไฟล์นั้น หรือคัดลอกมาตรการไปปีใหม่เอง)
scaffold-year-from-site-yaml = มาตรการนี้ใช้ปีงบประมาณจาก site.yaml ({ $from }) ถ้าเปลี่ยนเป็น { $year } มาตรการนี้จะย้ายไปปี { $year } ด้วย
    .help = เพิ่มบรรทัด `fiscal_year: { $from }` ใต้ `title:` แล้วสั่งอีกครั้ง
scaffold-no-fiscal-year-line = หาบรรทัด `fiscal_year:` ใน site.yaml ไม่พบ ให้แก้เป็น `fiscal_year: { $year }` เอง

## new year: ทำอะไรไปแล้ว และต้องทำอะไรต่อ
scaffold-year-set = site.yaml: fiscal_year { $from } -> { $to }
scaffold-year-started = เริ่มปีงบประมาณ { $to } แล้ว
scaffold-wrote-draft = สร้างร่าง { $path }
scaffold-nothing-carried = ไม่ได้คัดลอกมาตรการของปี { $from }
scaffold-next-new-measure = ต่อไป: เพิ่มมาตรการของปี { $to } ด้วย `prongsai new measure "ชื่อมาตรการ"`
scaffold-carried = คัดลอกมาตรการ { $count } มาตรการของปี { $from } เป็นร่างของปี { $to } (สถานะ not_done ผล คะแนน วันที่ และข้อ OIT ว่างไว้) ไฟล์ของปี { $from } ไม่ถูกแก้ไข
scaffold-next-drafts = ต่อไป: แก้แผนในร่างให้ตรงกับปี { $to } ลบร่างที่ไม่ใช้ แล้วกรอกผลเมื่อดำเนินการ `prongsai check` บอกช่องที่ยังไม่ได้กรอก
scaffold-evidence-empty = หลักฐาน OIT ของปี { $to } เริ่มว่าง เพิ่มลงใน content/disclosures.yaml เมื่อเผยแพร่เอกสาร
