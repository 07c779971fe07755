# คำที่ทุกคำสั่งใช้ร่วมกัน

summary = ข้อผิดพลาด { $errors } รายการ คำเตือน { $warnings } รายการ
findings-not-shown = { $file }: ยังมีอีก { $count } ข้อที่ไม่ได้แสดง แก้ข้อที่แสดงข้างบนก่อน
did-you-mean = หมายถึง `{ $word }` หรือเปล่า?

## วิธีพิมพ์สิ่งที่ตรวจพบ

diag-here = ตรงนี้
diag-error = ข้อผิดพลาด
diag-warning = คำเตือน
diag-help = วิธีแก้
