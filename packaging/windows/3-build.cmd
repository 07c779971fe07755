@echo off
rem Double-click: build the site in site\ into site\public, the folder to upload.
chcp 65001 >nul
setlocal
rem prongsai.exe speaks Thai here, like these lines, whatever language Windows is set to.
if not defined PRONGSAI_LANG set PRONGSAI_LANG=th
cd /d "%~dp0"
echo สร้างเว็บไซต์จากโฟลเดอร์ site ...
echo.
"%~dp0prongsai.exe" build --root "%~dp0site"
if errorlevel 2 goto norun
if errorlevel 1 goto errors
echo.
echo สร้างเว็บไซต์สำเร็จ
echo อัปโหลดทุกไฟล์ที่อยู่ในโฟลเดอร์ site\public ขึ้นเว็บโฮสติ้ง (เช่น ด้วย FileZilla)
goto end
:errors
echo.
echo สร้างไม่สำเร็จ: ด้านบนบอกชื่อไฟล์ บรรทัด และวิธีแก้
echo โฟลเดอร์ site\public ยังเป็นฉบับเดิม ไม่ถูกแตะต้อง
echo แก้แล้วบันทึก จากนั้นดับเบิลคลิก 3-build.cmd อีกครั้ง
goto end
:norun
echo.
echo สร้างไม่ได้ อ่านข้อความด้านบน (เช่น ไม่พบโฟลเดอร์ site หรือเขียนโฟลเดอร์ site\public ไม่ได้)
:end
echo.
echo กดปุ่มใดก็ได้เพื่อปิดหน้าต่างนี้
pause >nul
