@echo off
rem Double-click: check every file of the site in site\ and say what to fix; writes nothing.
chcp 65001 >nul
setlocal
rem prongsai.exe speaks Thai here, like these lines, whatever language Windows is set to.
if not defined PRONGSAI_LANG set PRONGSAI_LANG=th
cd /d "%~dp0"
echo ตรวจไฟล์ของเว็บไซต์ในโฟลเดอร์ site ...
echo.
"%~dp0prongsai.exe" check --root "%~dp0site"
if errorlevel 2 goto norun
if errorlevel 1 goto errors
echo.
echo ตรวจแล้ว ไม่พบข้อผิดพลาด สร้างเว็บไซต์ได้ (ดับเบิลคลิก 3-build.cmd)
goto end
:errors
echo.
echo พบจุดที่ต้องแก้: ด้านบนบอกชื่อไฟล์ บรรทัด และวิธีแก้
echo แก้แล้วบันทึก จากนั้นดับเบิลคลิก 2-check.cmd อีกครั้ง
goto end
:norun
echo.
echo ตรวจไม่ได้ อ่านข้อความด้านบน (เช่น ไม่พบโฟลเดอร์ site หรือไฟล์ site.yaml)
:end
echo.
echo กดปุ่มใดก็ได้เพื่อปิดหน้าต่างนี้
pause >nul
