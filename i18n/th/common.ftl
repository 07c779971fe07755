# คำที่ทุกคำสั่งใช้ร่วมกัน
#
# Glossary: write the Thai as a clerk of a อบต. would read it: plain words, short, no ครับ/ค่ะ, no
# parser jargon in a headline; keys, values, file names and commands stay as they are in backticks.
#   file ไฟล์ · folder โฟลเดอร์ · line N บรรทัด N · front matter ส่วนหัวของไฟล์ (ระหว่างเส้น --- สองเส้น)
#   key ช่อง (ช่อง `status`) · value ค่า · measure มาตรการ · page หน้า · site เว็บไซต์
#   build สร้างเว็บไซต์ · preview หน้าตัวอย่าง · upload อัปโหลด · error ข้อผิดพลาด · warning คำเตือน
#   fix วิธีแก้ · fiscal year ปีงบประมาณ · OIT item ข้อ O1 · evidence หลักฐาน · attachment ไฟล์แนบ
#   Notepad: แฟ้ม > บันทึกเป็น > การเข้ารหัส: UTF-8 · host เครื่องที่ฝากเว็บ (โฮสต์) · password รหัสผ่าน

summary = ข้อผิดพลาด { $errors } รายการ คำเตือน { $warnings } รายการ
findings-not-shown = { $file }: ยังมีอีก { $count } ข้อที่ไม่ได้แสดง แก้ข้อที่แสดงข้างบนก่อน
did-you-mean = หมายถึง `{ $word }` หรือเปล่า?

## วิธีพิมพ์สิ่งที่ตรวจพบ

diag-here = ตรงนี้
diag-error = ข้อผิดพลาด
diag-warning = คำเตือน
diag-help = วิธีแก้
